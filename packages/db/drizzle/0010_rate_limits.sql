-- Request budgets (per API key, sign-in attempts) shared by every server process: rate-limiter-flexible's table.
CREATE TABLE "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
