import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { PublicLayout } from './components/PublicLayout';

/*
 * Routing — one safety rule: every navigation inside Trellis REPLACES the current history entry
 * (see components/AppLink.tsx: AppLink, AppNavLink, useReplaceNavigate). A whole visit therefore
 * occupies a single entry in the browser's history stack, and Quick exit replaces that entry with
 * a neutral page — so pressing Back afterwards cannot return to Trellis, and nobody can page back
 * through what was on screen.
 *
 * Every page is its own chunk (React.lazy), so the landing page loads only what it needs.
 */

const Landing = lazy(() => import('./routes/public/Landing'));
const NotFound = lazy(() => import('./routes/public/NotFound'));
const GetHelp = lazy(() => import('./routes/public/GetHelp'));
const SignUp = lazy(() => import('./routes/auth/SignUp'));
const SignIn = lazy(() => import('./routes/auth/SignIn'));
const Verified = lazy(() => import('./routes/auth/Verified'));
const TwoFactor = lazy(() => import('./routes/auth/TwoFactor'));
const ForgotPassword = lazy(() => import('./routes/auth/ForgotPassword'));
const ResetPassword = lazy(() => import('./routes/auth/ResetPassword'));
const Home = lazy(() => import('./routes/home/Home'));
const Settings = lazy(() => import('./routes/settings/Settings'));
const EmergencyReset = lazy(() => import('./routes/settings/EmergencyReset'));
const Export = lazy(() => import('./routes/settings/Export'));
// Reflect: each page its own chunk; the code they share (forms, outbox, drafts) is split out by the bundler.
const JournalList = lazy(() => import('./routes/journal/JournalList'));
const NewEntry = lazy(() => import('./routes/journal/NewEntry'));
const QuickCapture = lazy(() => import('./routes/journal/QuickCapture'));
const EditEntry = lazy(() => import('./routes/journal/EditEntry'));
const Prompts = lazy(() => import('./routes/journal/Prompts'));
const PromptAnswer = lazy(() => import('./routes/journal/PromptAnswer'));
const Origins = lazy(() => import('./routes/origins/Origins'));
const OriginsVersion = lazy(() => import('./routes/origins/OriginsVersion'));
const Urges = lazy(() => import('./routes/urges/Urges'));
const SelfWorth = lazy(() => import('./routes/self-worth/SelfWorth'));
// Lessons (each body is its own small chunk, see lib/lessons.ts) and the therapy guidance page.
const Lessons = lazy(() => import('./routes/lessons/Lessons'));
const Lesson = lazy(() => import('./routes/lessons/Lesson'));
const Guidance = lazy(() => import('./routes/guidance/Guidance'));
// The I-statement coach's practice page (the coach itself loads on demand inside it).
const Coach = lazy(() => import('./routes/coach/Coach'));
const Insights = lazy(() => import('./routes/insights/Insights'));
// Check-ups: the list, taking one, and results over time.
const AssessmentList = lazy(() => import('./routes/assessments/AssessmentList'));
const TakeAssessment = lazy(() => import('./routes/assessments/TakeAssessment'));
const AssessmentResults = lazy(() => import('./routes/assessments/AssessmentResults'));
// The couple space: linking (and joining with a code) on one page.
const Couple = lazy(() => import('./routes/couple/Couple'));
const Commitments = lazy(() => import('./routes/commitments/Commitments'));
// Agreements (versions both accept) and boundaries (each partner's own).
const Agreements = lazy(() => import('./routes/agreements/Agreements'));
const Boundaries = lazy(() => import('./routes/agreements/Boundaries'));
// Trust-building activities and the repair log.
const Activities = lazy(() => import('./routes/activities/Activities'));
const Repairs = lazy(() => import('./routes/activities/Repairs'));
const Cycle = lazy(() => import('./routes/couple/Cycle'));
const SharedWithMe = lazy(() => import('./routes/couple/SharedWithMe'));
// The daily check-in (revealed to both once both answered).
const Checkin = lazy(() => import('./routes/checkins/Checkin'));
// Talk: structured conversations, the apology builder and naming the fear.
const Talk = lazy(() => import('./routes/talk/Talk'));
const TalkConversation = lazy(() => import('./routes/talk/Conversation'));
const TalkApology = lazy(() => import('./routes/talk/Apology'));
const TalkFear = lazy(() => import('./routes/talk/Fear'));
// Care: the public booking page and private booking link; the therapist's practice; the client's sharing.
const Book = lazy(() => import('./routes/care/Book'));
const ManageBooking = lazy(() => import('./routes/care/ManageBooking'));
const Practice = lazy(() => import('./routes/care/Practice'));
const PracticeClient = lazy(() => import('./routes/care/PracticeClient'));
const PracticeSummary = lazy(() => import('./routes/care/PracticeSummary'));
const CareHome = lazy(() => import('./routes/care/CareHome'));
const CareAccept = lazy(() => import('./routes/care/CareAccept'));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<Landing />} />
          <Route path="sign-up" element={<SignUp />} />
          <Route path="sign-in" element={<SignIn />} />
          <Route path="verified" element={<Verified />} />
          <Route path="two-factor" element={<TwoFactor />} />
          <Route path="forgot-password" element={<ForgotPassword />} />
          <Route path="reset-password" element={<ResetPassword />} />
          <Route path="p/:slug" element={<Book />} />
          <Route path="booking/:token" element={<ManageBooking />} />
          <Route path="help" element={<GetHelp />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route element={<AppLayout />}>
          <Route path="home" element={<Home />} />
          <Route path="settings" element={<Settings />} />
          <Route path="settings/emergency-reset" element={<EmergencyReset />} />
          <Route path="settings/export" element={<Export />} />
          <Route path="journal" element={<JournalList />} />
          <Route path="journal/new" element={<NewEntry />} />
          <Route path="journal/quick" element={<QuickCapture />} />
          <Route path="journal/prompts" element={<Prompts />} />
          <Route path="journal/prompts/:promptId" element={<PromptAnswer />} />
          <Route path="journal/:id" element={<EditEntry />} />
          <Route path="origins" element={<Origins />} />
          <Route path="origins/versions/:id" element={<OriginsVersion />} />
          <Route path="urges" element={<Urges />} />
          <Route path="self-worth" element={<SelfWorth />} />
          <Route path="lessons" element={<Lessons />} />
          <Route path="lessons/:id" element={<Lesson />} />
          <Route path="guidance" element={<Guidance />} />
          <Route path="coach" element={<Coach />} />
          <Route path="insights" element={<Insights />} />
          <Route path="assessments" element={<AssessmentList />} />
          <Route path="assessments/:id/take" element={<TakeAssessment />} />
          <Route path="assessments/:id" element={<AssessmentResults />} />
          <Route path="couple" element={<Couple />} />
          <Route path="couple/join" element={<Couple />} />
          <Route path="couple/commitments" element={<Commitments />} />
          <Route path="couple/agreements" element={<Agreements />} />
          <Route path="couple/boundaries" element={<Boundaries />} />
          <Route path="couple/activities" element={<Activities />} />
          <Route path="couple/repairs" element={<Repairs />} />
          <Route path="couple/cycle" element={<Cycle />} />
          <Route path="couple/shared" element={<SharedWithMe />} />
          <Route path="couple/checkin" element={<Checkin />} />
          <Route path="talk" element={<Talk />} />
          <Route path="talk/conversations/:id" element={<TalkConversation />} />
          <Route path="talk/apology" element={<TalkApology />} />
          <Route path="talk/fear" element={<TalkFear />} />
          <Route path="practice" element={<Practice />} />
          <Route path="practice/clients/:linkId" element={<PracticeClient />} />
          <Route path="practice/clients/:linkId/summary" element={<PracticeSummary />} />
          <Route path="care" element={<CareHome />} />
          <Route path="care/accept" element={<CareAccept />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
