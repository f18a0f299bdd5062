-- Logins count attempts in login_attempt (V50); web_throttle, one row per failed login, is no longer
-- used by anything. Its rows lived 15 minutes at most, so nothing of value is lost.
DROP TABLE web_throttle;
