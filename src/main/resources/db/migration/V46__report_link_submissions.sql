-- How many reports came in through each /r/ link: a link takes register.report-link-submissions of
-- them, so repeated posts cannot grow the incident and its audit trail without end.
ALTER TABLE register_report_link ADD COLUMN submissions INT DEFAULT 0 NOT NULL;
