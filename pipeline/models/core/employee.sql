-- Core: employees as of the data date. Personal data (UU 27/2022): nip, name, birth_date, unwilling_reason.
CREATE OR REPLACE TABLE employee AS
SELECT e.nip, e.name, e.birth_date, e.unwilling_reason, e.status, e.golongan, e.sex, e.education_level,
       e.education_major, e.competencies, e.position_id, p.unit_id, e.position_since, e.appointment_date,
       e.willing_to_move
FROM stg_employees e JOIN position p USING (position_id)
WHERE len(e._issues) = 0
ORDER BY e.nip;

COMMENT ON TABLE employee IS 'Core: employees in post; PERSONAL DATA in nip, name, birth_date, unwilling_reason — never public';
COMMENT ON COLUMN employee.position_since IS 'TMT jabatan: in the current position since';
COMMENT ON COLUMN employee.willing_to_move IS 'yes / no / unknown (the reason is private: unwilling_reason)';
