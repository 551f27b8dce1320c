ALTER TABLE "booking" ADD COLUMN "reminded_24h_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "reminded_1h_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "booking_upcoming_idx" ON "booking" USING btree ("starts_at") WHERE "booking"."status" = 'accepted';