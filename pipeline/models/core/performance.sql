-- Core: SKP ratings per employee and period (PermenPANRB 6/2022); rating_rank 1 = Sangat Kurang … 5 = Sangat Baik.
CREATE OR REPLACE TABLE performance AS
SELECT nip, period, rating, rating_rank, results_rating, behaviour_rating, score
FROM stg_performance WHERE len(_issues) = 0;

COMMENT ON TABLE performance IS 'Core: SKP ratings (PermenPANRB 6/2022) per employee and period; nip is personal data';
COMMENT ON COLUMN performance.rating_rank IS '1 Sangat Kurang, 2 Kurang/Misconduct, 3 Butuh Perbaikan, 4 Baik, 5 Sangat Baik';
