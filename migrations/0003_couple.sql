CREATE TABLE "checkin" (
	"id" uuid PRIMARY KEY NOT NULL,
	"couple_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"day" date NOT NULL,
	"mood" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"couple_id" uuid NOT NULL,
	"maker_id" text NOT NULL,
	"content" "bytea" NOT NULL,
	"start_day" date NOT NULL,
	"recurrence" text,
	"status" text DEFAULT 'active' NOT NULL,
	"replaced_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_occurrence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"day" date NOT NULL,
	"outcome" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "couple" (
	"id" uuid PRIMARY KEY NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unlinked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "couple_invite" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inviter_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "couple_member" (
	"couple_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "checkin" ADD CONSTRAINT "checkin_couple_id_couple_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couple"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin" ADD CONSTRAINT "checkin_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_couple_id_couple_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couple"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_maker_id_user_id_fk" FOREIGN KEY ("maker_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_occurrence" ADD CONSTRAINT "commitment_occurrence_commitment_id_commitment_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couple_invite" ADD CONSTRAINT "couple_invite_inviter_id_user_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couple_member" ADD CONSTRAINT "couple_member_couple_id_couple_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couple"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couple_member" ADD CONSTRAINT "couple_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_one_per_day_idx" ON "checkin" USING btree ("couple_id","author_id","day");--> statement-breakpoint
CREATE INDEX "checkin_couple_day_idx" ON "checkin" USING btree ("couple_id","day");--> statement-breakpoint
CREATE INDEX "commitment_couple_idx" ON "commitment" USING btree ("couple_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_occurrence_day_idx" ON "commitment_occurrence" USING btree ("commitment_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "couple_invite_code_idx" ON "couple_invite" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "couple_invite_inviter_idx" ON "couple_invite" USING btree ("inviter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "couple_member_pk" ON "couple_member" USING btree ("couple_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "couple_member_one_active_idx" ON "couple_member" USING btree ("user_id") WHERE "couple_member"."left_at" is null;