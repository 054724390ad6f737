-- An enrollment is a student in a class: (class_id, student_id) was already unique, and nothing refers to the
-- surrogate id. Without it, loading the millions of enrollments of a network draws no sequence value per row and
-- builds one index fewer (docs/rostering.md).
alter table organization.enrollment drop column id;
alter table organization.enrollment drop constraint enrollment_class_id_student_id_key,
    add constraint enrollment_pkey primary key (class_id, student_id);
