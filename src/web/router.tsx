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
const SignUp = lazy(() => import('./routes/auth/SignUp'));
const SignIn = lazy(() => import('./routes/auth/SignIn'));
const Verified = lazy(() => import('./routes/auth/Verified'));
const TwoFactor = lazy(() => import('./routes/auth/TwoFactor'));
const ForgotPassword = lazy(() => import('./routes/auth/ForgotPassword'));
const ResetPassword = lazy(() => import('./routes/auth/ResetPassword'));
const Home = lazy(() => import('./routes/home/Home'));
const Settings = lazy(() => import('./routes/settings/Settings'));

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
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route element={<AppLayout />}>
          <Route path="home" element={<Home />} />
          <Route path="settings" element={<Settings />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
