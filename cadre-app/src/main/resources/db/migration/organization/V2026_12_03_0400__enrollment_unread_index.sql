-- No statement reads enrollments by student alone: class rosters, teachers of record, growth and the export all
-- start from the class, which the primary key (class_id, student_id) serves. The index only cost every roster
-- import a sort of all enrollments (0.7 s of a network's first import) and every change a second index to keep.
-- Students are deactivated, never deleted, so the foreign key to them is not checked from this side either.
drop index organization.enrollment_student;
