-- btree_gist lets one exclusion constraint compare a therapist id (=) and a time range (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "booking" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"therapist_id" uuid NOT NULL,
	"session_type_id" uuid NOT NULL,
	"client_kind" text NOT NULL,
	"client_state" text NOT NULL,
	"client_time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"blocked" tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, blocked_until, '[)')) STORED,
	"status" text DEFAULT 'requested' NOT NULL,
	"sealed_client" "bytea" NOT NULL,
	"manage_token_hash" text NOT NULL,
	"client_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_manage_token_hash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "booking_status_check" CHECK ("booking"."status" in ('requested', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "booking_times" CHECK ("booking"."starts_at" < "booking"."ends_at" and "booking"."ends_at" <= "booking"."blocked_until")
);
--> statement-breakpoint
CREATE TABLE "invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"email" text NOT NULL,
	"role" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"inviter_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_once" UNIQUE("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"logo" text,
	"metadata" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "practice_session_type" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"buffer_minutes" integer DEFAULT 0 NOT NULL,
	"min_notice_minutes" integer DEFAULT 0 NOT NULL,
	"horizon_days" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "practice_session_type_kind" UNIQUE("organization_id","kind"),
	CONSTRAINT "practice_session_type_kind_check" CHECK ("practice_session_type"."kind" in ('consultation', 'individual', 'couples')),
	CONSTRAINT "practice_session_type_numbers" CHECK ("practice_session_type"."duration_minutes" between 10 and 240 and "practice_session_type"."buffer_minutes" between 0 and 120 and "practice_session_type"."min_notice_minutes" >= 0 and "practice_session_type"."horizon_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "practice_settings" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "therapist" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"display_name" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"time_zone" text NOT NULL,
	"sees_individuals" boolean DEFAULT true NOT NULL,
	"sees_couples" boolean DEFAULT true NOT NULL,
	"approaches" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapist_once" UNIQUE("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "therapist_availability" (
	"id" uuid PRIMARY KEY NOT NULL,
	"therapist_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	CONSTRAINT "therapist_availability_window" CHECK ("therapist_availability"."weekday" between 1 and 7 and "therapist_availability"."start_time" < "therapist_availability"."end_time")
);
--> statement-breakpoint
CREATE TABLE "therapist_availability_exception" (
	"id" uuid PRIMARY KEY NOT NULL,
	"therapist_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"kind" text NOT NULL,
	"start_time" text,
	"end_time" text,
	CONSTRAINT "therapist_availability_exception_shape" CHECK (("therapist_availability_exception"."kind" = 'off' and "therapist_availability_exception"."start_time" is null and "therapist_availability_exception"."end_time" is null) or ("therapist_availability_exception"."kind" = 'extra' and "therapist_availability_exception"."start_time" < "therapist_availability_exception"."end_time"))
);
--> statement-breakpoint
CREATE TABLE "therapist_licence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"therapist_id" uuid NOT NULL,
	"state" text NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"expires_on" date NOT NULL,
	CONSTRAINT "therapist_licence_state" UNIQUE("therapist_id","state"),
	CONSTRAINT "therapist_licence_state_code" CHECK ("therapist_licence"."state" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "active_organization_id" text;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_therapist_id_therapist_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_session_type_id_practice_session_type_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "public"."practice_session_type"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_client_user_id_user_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_inviter_id_user_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_session_type" ADD CONSTRAINT "practice_session_type_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD CONSTRAINT "practice_settings_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist" ADD CONSTRAINT "therapist_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist" ADD CONSTRAINT "therapist_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_availability" ADD CONSTRAINT "therapist_availability_therapist_id_therapist_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_availability_exception" ADD CONSTRAINT "therapist_availability_exception_therapist_id_therapist_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_licence" ADD CONSTRAINT "therapist_licence_therapist_id_therapist_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_therapist_idx" ON "booking" USING btree ("therapist_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_organization_idx" ON "booking" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "invitation_organization_idx" ON "invitation" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "invitation_email_idx" ON "invitation" USING btree ("email");--> statement-breakpoint
CREATE INDEX "member_organization_idx" ON "member" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "member_user_idx" ON "member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "therapist_user_idx" ON "therapist" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "therapist_availability_idx" ON "therapist_availability" USING btree ("therapist_id");--> statement-breakpoint
CREATE INDEX "therapist_availability_exception_idx" ON "therapist_availability_exception" USING btree ("therapist_id","on_date");
--> statement-breakpoint
-- A slot can never be booked twice: two live bookings of one therapist may not overlap, buffer included.
ALTER TABLE "booking" ADD CONSTRAINT "booking_no_overlap" EXCLUDE USING gist ("therapist_id" WITH =, "blocked" WITH &&) WHERE ("status" IN ('requested', 'accepted'));
