package org.cadre.evaluation.observation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.shared.ConflictException;
import org.cadre.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores observations with their ratings. Every save is guarded by the version the change was made from: if
 * someone else saved the observation in between, the save is refused and nothing is written.
 */
@Repository
public class Observations {

    private final JdbcClient jdbc;

    Observations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Observation get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Observation", id));
    }

    public Optional<Observation> find(long id) {
        var ratings = new HashMap<String, Integer>();
        jdbc.sql("select dimension_code, rating from evaluation.observation_rating where observation_id = ?")
                .param(id)
                .query(rs -> {
                    ratings.put(rs.getString(1), rs.getInt(2));
                });
        return jdbc.sql("select * from evaluation.observation where id = ?")
                .param(id)
                .query((rs, n) -> map(rs, ratings))
                .optional();
    }

    /** The observations of a teacher in a school year, oldest first. */
    public List<Observation> ofTeacher(long schoolYearId, long teacherStaffId) {
        var ids = jdbc.sql("""
                        select id from evaluation.observation where school_year_id = ? and teacher_staff_id = ?
                        order by scheduled_for, id
                        """)
                .params(schoolYearId, teacherStaffId)
                .query(Long.class)
                .list();
        return ids.stream().map(this::get).toList();
    }

    public Observation insert(Observation observation) {
        long id = jdbc.sql("""
                        insert into evaluation.observation (school_year_id, campus_id, teacher_staff_id, appraiser_staff_id,
                            rubric_id, policy_version_id, kind, announced, scheduled_for, planned_minutes, status,
                            calibration_lesson)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        observation.schoolYearId(),
                        observation.campusId(),
                        observation.teacherStaffId(),
                        observation.appraiserStaffId(),
                        observation.rubricId(),
                        observation.policyVersionId(),
                        observation.kind().name(),
                        observation.announced(),
                        Timestamp.from(observation.scheduledFor()),
                        observation.plannedMinutes(),
                        observation.status().name(),
                        observation.calibrationLesson())
                .query(Long.class)
                .single();
        return observation.withId(id, 0);
    }

    /** Saves the observation's state; refused if it changed since it was read. */
    public Observation update(Observation o) {
        int updated = jdbc.sql("""
                        update evaluation.observation set status = ?, pre_conference_at = ?, pre_conference_notes = ?,
                            started_at = ?, observed_minutes = ?, post_conference_at = ?, post_conference_notes = ?,
                            feedback = ?, shared_at = ?, feedback_due_on = ?, feedback_late = ?, acknowledged_at = ?,
                            teacher_response = ?, version = version + 1
                        where id = ? and version = ?
                        """)
                .params(
                        o.status().name(),
                        ts(o.preConferenceAt()),
                        o.preConferenceNotes(),
                        ts(o.startedAt()),
                        o.observedMinutes(),
                        ts(o.postConferenceAt()),
                        o.postConferenceNotes(),
                        o.feedback(),
                        ts(o.sharedAt()),
                        o.feedbackDueOn(),
                        o.feedbackLate(),
                        ts(o.acknowledgedAt()),
                        o.teacherResponse(),
                        o.id(),
                        o.version())
                .update();
        if (updated == 0) {
            throw staleVersion();
        }
        jdbc.sql("delete from evaluation.observation_rating where observation_id = ?")
                .param(o.id())
                .update();
        for (var rating : o.ratings().entrySet()) {
            jdbc.sql(
                            "insert into evaluation.observation_rating (observation_id, dimension_code, rating) values (?, ?, ?)")
                    .params(o.id(), rating.getKey(), rating.getValue())
                    .update();
        }
        return o.withId(o.id(), o.version() + 1);
    }

    static ConflictException staleVersion() {
        return new ConflictException("Someone else saved this observation after you opened it, so your change was not"
                + " saved. Your entries are still on the page; reload to see the other changes, then save again.");
    }

    // Evidence notes and the note being typed.

    /** A note as added: {@code first} is false when the same client key had already arrived. */
    public record AddedNote(EvidenceNote note, boolean first) {}

    /** Adds a note; a note sent again with the same client key (a resend after a dropped connection) counts once. */
    public AddedNote addNote(
            long observationId,
            long authorStaffId,
            Instant at,
            String body,
            List<String> dimensions,
            String clientKey) {
        int inserted = jdbc.sql("""
                        insert into evaluation.evidence_note (observation_id, author_staff_id, noted_at, body, dimension_codes, client_key)
                        values (?, ?, ?, ?, ?, ?) on conflict (observation_id, client_key) do nothing
                        """)
                .params(
                        observationId,
                        authorStaffId,
                        Timestamp.from(at),
                        body,
                        dimensions.toArray(String[]::new),
                        clientKey)
                .update();
        var note = clientKey == null
                ? notes(observationId).getLast()
                : jdbc.sql("select * from evaluation.evidence_note where observation_id = ? and client_key = ?")
                        .params(observationId, clientKey)
                        .query(Observations::note)
                        .single();
        return new AddedNote(note, inserted > 0);
    }

    public List<EvidenceNote> notes(long observationId) {
        return jdbc.sql("select * from evaluation.evidence_note where observation_id = ? order by noted_at, id")
                .param(observationId)
                .query(Observations::note)
                .list();
    }

    public void saveDraft(long observationId, long authorStaffId, String body, Instant at) {
        jdbc.sql("""
                        insert into evaluation.note_draft (observation_id, author_staff_id, body, saved_at) values (?, ?, ?, ?)
                        on conflict (observation_id, author_staff_id) do update set body = excluded.body, saved_at = excluded.saved_at
                        """)
                .params(observationId, authorStaffId, body, Timestamp.from(at))
                .update();
    }

    /**
     * Empties the draft once the note it was the beginning of has arrived. A draft that is not the start of that
     * note was typed after it (the note was resent late, after a dropped connection) and is kept.
     */
    public void clearDraftOf(long observationId, long authorStaffId, String noteBody, Instant at) {
        jdbc.sql("""
                        update evaluation.note_draft set body = '', saved_at = ?
                        where observation_id = ? and author_staff_id = ? and body <> ''
                          and left(?, length(btrim(body))) = btrim(body)
                        """)
                .params(Timestamp.from(at), observationId, authorStaffId, noteBody)
                .update();
    }

    public Optional<String> draft(long observationId, long authorStaffId) {
        return jdbc.sql("select body from evaluation.note_draft where observation_id = ? and author_staff_id = ?")
                .params(observationId, authorStaffId)
                .query(String.class)
                .optional();
    }

    public void recordAmendment(
            long observationId, long byStaff, Instant at, String reason, String beforeJson, String afterJson) {
        jdbc.sql("""
                        insert into evaluation.observation_amendment (observation_id, amended_by, amended_at, reason, before_ratings, after_ratings)
                        values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                        """)
                .params(observationId, byStaff, Timestamp.from(at), reason, beforeJson, afterJson)
                .update();
    }

    /** An amendment as the observation page lists it. */
    public record Amendment(
            Instant amendedAt, long amendedBy, String reason, String beforeRatings, String afterRatings) {}

    public List<Amendment> amendments(long observationId) {
        return jdbc.sql("""
                        select amended_at, amended_by, reason, before_ratings::text as before_ratings, after_ratings::text as after_ratings
                        from evaluation.observation_amendment where observation_id = ? order by amended_at
                        """).param(observationId).query(Amendment.class).list();
    }

    private static EvidenceNote note(ResultSet rs, int row) throws SQLException {
        return new EvidenceNote(
                rs.getLong("id"),
                rs.getLong("observation_id"),
                rs.getTimestamp("noted_at").toInstant(),
                rs.getString("body"),
                strings(rs.getArray("dimension_codes")));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Observation map(ResultSet rs, Map<String, Integer> ratings) throws SQLException {
        return new Observation(
                rs.getLong("id"),
                rs.getLong("school_year_id"),
                rs.getLong("campus_id"),
                rs.getLong("teacher_staff_id"),
                rs.getLong("appraiser_staff_id"),
                rs.getLong("rubric_id"),
                rs.getLong("policy_version_id"),
                ObservationKind.valueOf(rs.getString("kind")),
                rs.getBoolean("announced"),
                instant(rs, "scheduled_for"),
                rs.getInt("planned_minutes"),
                rs.getString("calibration_lesson"),
                ObservationStatus.valueOf(rs.getString("status")),
                instant(rs, "pre_conference_at"),
                rs.getString("pre_conference_notes"),
                instant(rs, "started_at"),
                (Integer) rs.getObject("observed_minutes"),
                instant(rs, "post_conference_at"),
                rs.getString("post_conference_notes"),
                rs.getString("feedback"),
                instant(rs, "shared_at"),
                rs.getObject("feedback_due_on", LocalDate.class),
                (Boolean) rs.getObject("feedback_late"),
                instant(rs, "acknowledged_at"),
                rs.getString("teacher_response"),
                ratings,
                rs.getInt("version"));
    }
}
