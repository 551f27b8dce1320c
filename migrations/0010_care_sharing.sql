CREATE TABLE "care_access_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_user_id" text NOT NULL,
	"therapist_id" uuid,
	"therapist_name" text NOT NULL,
	"link_id" uuid,
	"category" text NOT NULL,
	"view" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_access_log_view_check" CHECK ("care_access_log"."view" in ('client', 'summary'))
);
--> statement-breakpoint
CREATE TABLE "care_grant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"category" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "care_grant_category_check" CHECK ("care_grant"."category" in ('assessments', 'checkin-moods', 'commitments', 'therapy-entries', 'conversation-summaries'))
);
--> statement-breakpoint
CREATE TABLE "care_homework" (
	"id" uuid PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"content" "bytea" NOT NULL,
	"due_on" date,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_invitation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"therapist_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_invitation_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "care_invitation_kind_check" CHECK ("care_invitation"."kind" in ('individual', 'couple'))
);
--> statement-breakpoint
CREATE TABLE "care_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"therapist_id" uuid NOT NULL,
	"client_user_id" text NOT NULL,
	"kind" text NOT NULL,
	"couple_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "care_link_kind_check" CHECK ("care_link"."kind" in ('individual', 'couple')),
	CONSTRAINT "care_link_status_check" CHECK (("care_link"."status" = 'active' and "care_link"."ended_at" is null) or ("care_link"."status" = 'ended' and "care_link"."ended_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "care_therapy_entry" (
	"entry_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_access_log" ADD CONSTRAINT "care_access_log_client_user_id_user_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_access_log" ADD CONSTRAINT "care_access_log_therapist_id_therapist_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapist"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_access_log" ADD CONSTRAINT "care_access_log_link_id_care_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."care_link"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_grant" ADD CONSTRAINT "care_grant_link_id_care_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."care_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_homework" ADD CONSTRAINT "care_homework_link_id_care_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."care_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_invitation" ADD CONSTRAINT "care_invitation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_invitation" ADD CONSTRAINT "care_invitation_therapist_id_therapist_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_link" ADD CONSTRAINT "care_link_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_link" ADD CONSTRAINT "care_link_therapist_id_therapist_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_link" ADD CONSTRAINT "care_link_client_user_id_user_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_link" ADD CONSTRAINT "care_link_couple_id_couple_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couple"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_link" ADD CONSTRAINT "care_link_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_therapy_entry" ADD CONSTRAINT "care_therapy_entry_entry_id_journal_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_therapy_entry" ADD CONSTRAINT "care_therapy_entry_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_access_log_client_idx" ON "care_access_log" USING btree ("client_user_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "care_grant_active_once" ON "care_grant" USING btree ("link_id","category") WHERE "care_grant"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "care_homework_link_idx" ON "care_homework" USING btree ("link_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "care_invitation_therapist_idx" ON "care_invitation" USING btree ("therapist_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_link_active_once" ON "care_link" USING btree ("therapist_id","client_user_id") WHERE "care_link"."status" = 'active';--> statement-breakpoint
CREATE INDEX "care_link_client_idx" ON "care_link" USING btree ("client_user_id");--> statement-breakpoint
CREATE INDEX "care_link_therapist_idx" ON "care_link" USING btree ("therapist_id");--> statement-breakpoint
CREATE INDEX "care_therapy_entry_owner_idx" ON "care_therapy_entry" USING btree ("owner_id","marked_at" DESC NULLS LAST);