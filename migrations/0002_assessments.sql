CREATE TABLE "assessment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"instrument" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"responses" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"band" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_owner_instrument_taken_idx" ON "assessment" USING btree ("owner_id","instrument","taken_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assessment_owner_taken_idx" ON "assessment" USING btree ("owner_id","taken_at" DESC NULLS LAST,"id" DESC NULLS LAST);