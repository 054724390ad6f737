package org.cadre.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.summative.SummativeRatings;
import org.cadre.growth.DemoScores;
import org.cadre.growth.GrowthRuns;
import org.cadre.policy.Policies;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.Grant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every page and API route of the running application, checked for every role against an expected rule.
 * The routes are read from the application itself, so a new route without a rule here fails the build, and
 * so does a rule for a route that no longer exists.
 *
 * <p>A request is "allowed" when it is not refused: not redirected to sign-in, not 401, 403 or 404. Requests
 * that change data are sent without a valid body, so an allowed one ends in 400 (or a form shown again) and
 * changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends CadreIntegrationTest {

    /** Who is asking. Campus roles are on the first campus unless named "other campus". */
    enum Who {
        ANONYMOUS(null),
        TEACHER(DemoAccounts.TEACHER),
        COACH(DemoAccounts.COACH),
        APPRAISER(DemoAccounts.APPRAISER),
        ASSESSOR(DemoAccounts.ASSESSOR),
        CAMPUS_ADMIN(DemoAccounts.PRINCIPAL),
        OTHER_CAMPUS_ADMIN(DemoAccounts.PRINCIPAL_2),
        OTHER_CAMPUS_TEACHER(DemoAccounts.TEACHER_2),
        HR(DemoAccounts.HR),
        DISTRICT_ADMIN(DemoAccounts.DISTRICT_ADMIN);

        final String email;

        Who(String email) {
            this.email = email;
        }
    }

    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
    static final Set<Who> DIRECTORY_BROWSERS =
            EnumSet.of(Who.COACH, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN, Who.HR, Who.DISTRICT_ADMIN);
    /** Who may see the first campus's teacher: themselves, their campus's leaders and coach, network roles. */
    static final Set<Who> SEE_FIRST_CAMPUS_TEACHER =
            EnumSet.of(Who.TEACHER, Who.COACH, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.HR, Who.DISTRICT_ADMIN);
    /** Who may see the first campus teacher's class and its students. */
    static final Set<Who> SEE_FIRST_CAMPUS_CLASS =
            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN);

    /** The fixture's summative is a draft: its appraiser, campus and district leaders see it, the teacher not yet. */
    static final Set<Who> SUMMATIVE_DRAFT_READERS = EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN);

    static final Set<Who> HR_EDITORS = EnumSet.of(Who.HR, Who.DISTRICT_ADMIN);
    static final Set<Who> DISTRICT_ADMIN_ONLY = EnumSet.of(Who.DISTRICT_ADMIN);
    /** Routes whose answer does not depend on who asks (error pages). */
    static final Set<Who> NOT_CHECKED = null;

    /** Ids of demo records that the rules point at. */
    record Fixture(
            long firstCampus,
            long firstCampusTeacher,
            long firstCampusClass,
            long currentSchoolYear,
            long spareAccount,
            long teachersToken,
            long policyDraft,
            long rosterImport,
            long currentRubric,
            long firstCampusObservation,
            long growthImport,
            long growthRun,
            long firstCampusStudent) {}

    /** Where to send the request, who should get through, and — for API writes — a well-formed but invalid body. */
    record Rule(Function<Fixture, String> url, Set<Who> allowed, String body) {

        Rule withBody(String json) {
            return new Rule(url, allowed, json);
        }
    }

    static Rule rule(String url, Set<Who> allowed) {
        return new Rule(f -> url, allowed, "{}");
    }

    static Rule rule(Function<Fixture, String> url, Set<Who> allowed) {
        return new Rule(url, allowed, "{}");
    }

    /** The expected rule of every route, keyed "METHOD pattern". */
    static final Map<String, Rule> RULES = Map.ofEntries(
            // Shell, sign-in, errors, documentation, health
            Map.entry("GET /", rule("/", SIGNED_IN)),
            Map.entry("GET /sign-in", rule("/sign-in", EVERYONE)),
            Map.entry("GET /error", rule("/error", NOT_CHECKED)),
            Map.entry("POST /error", rule("/error", NOT_CHECKED)),
            Map.entry("PUT /error", rule("/error", NOT_CHECKED)),
            Map.entry("DELETE /error", rule("/error", NOT_CHECKED)),
            Map.entry("PATCH /error", rule("/error", NOT_CHECKED)),
            Map.entry("GET /v3/api-docs", rule("/v3/api-docs", SIGNED_IN)),
            Map.entry("GET /v3/api-docs.yaml", rule("/v3/api-docs.yaml", SIGNED_IN)),
            Map.entry("GET /v3/api-docs/swagger-config", rule("/v3/api-docs/swagger-config", SIGNED_IN)),
            Map.entry("GET /api-docs", rule("/api-docs", SIGNED_IN)),
            Map.entry("GET /actuator", rule("/actuator", SIGNED_IN)),
            Map.entry("GET /actuator/health", rule("/actuator/health", EVERYONE)),
            Map.entry("GET /actuator/health/**", rule("/actuator/health/liveness", EVERYONE)),
            // Organisation pages
            Map.entry("GET /campuses", rule("/campuses", SIGNED_IN)),
            Map.entry("GET /campuses/{id}", rule(f -> "/campuses/" + f.firstCampus(), SIGNED_IN)),
            Map.entry("GET /people", rule("/people", DIRECTORY_BROWSERS)),
            Map.entry("GET /people/{id}", rule(f -> "/people/" + f.firstCampusTeacher(), SEE_FIRST_CAMPUS_TEACHER)),
            Map.entry("GET /people/{id}/edit", rule(f -> "/people/" + f.firstCampusTeacher() + "/edit", HR_EDITORS)),
            Map.entry("POST /people/{id}", rule(f -> "/people/" + f.firstCampusTeacher(), HR_EDITORS)),
            Map.entry("GET /classes/{id}", rule(f -> "/classes/" + f.firstCampusClass(), SEE_FIRST_CAMPUS_CLASS)),
            // Organisation API
            Map.entry("GET /api/v1/campuses", rule("/api/v1/campuses", SIGNED_IN)),
            Map.entry("GET /api/v1/campuses/{id}", rule(f -> "/api/v1/campuses/" + f.firstCampus(), SIGNED_IN)),
            Map.entry("GET /api/v1/school-years", rule("/api/v1/school-years", SIGNED_IN)),
            Map.entry("GET /api/v1/people", rule("/api/v1/people", DIRECTORY_BROWSERS)),
            Map.entry(
                    "GET /api/v1/people/{id}",
                    rule(f -> "/api/v1/people/" + f.firstCampusTeacher(), SEE_FIRST_CAMPUS_TEACHER)),
            Map.entry(
                    "PUT /api/v1/people/{id}",
                    rule(f -> "/api/v1/people/" + f.firstCampusTeacher(), HR_EDITORS)
                            .withBody("{\"email\": \"not an email\", \"version\": 0}")),
            Map.entry(
                    "GET /api/v1/people/{id}/classes",
                    rule(f -> "/api/v1/people/" + f.firstCampusTeacher() + "/classes", SEE_FIRST_CAMPUS_TEACHER)),
            Map.entry(
                    "GET /api/v1/classes/{id}",
                    rule(f -> "/api/v1/classes/" + f.firstCampusClass(), SEE_FIRST_CAMPUS_CLASS)),
            // Accounts and API tokens
            Map.entry("GET /admin/accounts", rule("/admin/accounts", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /admin/accounts/new", rule("/admin/accounts/new", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /admin/accounts", rule("/admin/accounts", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/accounts/{id}", rule(f -> "/admin/accounts/" + f.spareAccount(), DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /admin/accounts/{id}/password",
                    rule(f -> "/admin/accounts/" + f.spareAccount() + "/password", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /admin/accounts/{id}/deactivate",
                    rule(f -> "/admin/accounts/" + f.spareAccount() + "/deactivate", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /admin/accounts/{id}/reactivate",
                    rule(f -> "/admin/accounts/" + f.spareAccount() + "/reactivate", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /api/v1/admin/accounts", rule("/api/v1/admin/accounts", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /api/v1/admin/accounts", rule("/api/v1/admin/accounts", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /api/v1/admin/accounts/{id}",
                    rule(f -> "/api/v1/admin/accounts/" + f.spareAccount(), DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /api/v1/admin/accounts/{id}/password",
                    rule(f -> "/api/v1/admin/accounts/" + f.spareAccount() + "/password", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /api/v1/admin/accounts/{id}/deactivate",
                    rule(f -> "/api/v1/admin/accounts/" + f.spareAccount() + "/deactivate", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /api/v1/admin/accounts/{id}/reactivate",
                    rule(f -> "/api/v1/admin/accounts/" + f.spareAccount() + "/reactivate", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /account/tokens", rule("/account/tokens", SIGNED_IN)),
            Map.entry("POST /account/tokens", rule("/account/tokens", SIGNED_IN)),
            // Only the owner may revoke a token; to anyone else it does not exist.
            Map.entry(
                    "POST /account/tokens/{id}/revoke",
                    rule(f -> "/account/tokens/" + f.teachersToken() + "/revoke", EnumSet.of(Who.TEACHER))),
            Map.entry("GET /api/v1/me", rule("/api/v1/me", SIGNED_IN)),
            Map.entry("GET /api/v1/me/tokens", rule("/api/v1/me/tokens", SIGNED_IN)),
            Map.entry("POST /api/v1/me/tokens", rule("/api/v1/me/tokens", SIGNED_IN)),
            Map.entry(
                    "DELETE /api/v1/me/tokens/{id}",
                    rule(f -> "/api/v1/me/tokens/" + f.teachersToken(), EnumSet.of(Who.TEACHER))),
            // Policy: everyone reads the rules they are measured by; district administrators write them.
            Map.entry("GET /policy", rule("/policy", SIGNED_IN)),
            Map.entry("GET /api/v1/policy", rule("/api/v1/policy", SIGNED_IN)),
            Map.entry(
                    "GET /api/v1/school-years/{schoolYearId}/policy",
                    rule(f -> "/api/v1/school-years/" + f.currentSchoolYear() + "/policy", SIGNED_IN)),
            Map.entry("GET /admin/policy", rule("/admin/policy", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /admin/policy/drafts", rule("/admin/policy/drafts", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /admin/policy/{id}/adopt",
                    rule(f -> "/admin/policy/" + f.policyDraft() + "/adopt", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /api/v1/admin/policies", rule("/api/v1/admin/policies", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /api/v1/admin/policies", rule("/api/v1/admin/policies", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /api/v1/admin/policies/{id}",
                    rule(f -> "/api/v1/admin/policies/" + f.policyDraft(), DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /api/v1/admin/policies/{id}/adopt",
                    rule(f -> "/api/v1/admin/policies/" + f.policyDraft() + "/adopt", DISTRICT_ADMIN_ONLY)),
            // Rostering
            Map.entry("GET /admin/roster", rule("/admin/roster", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /admin/roster/imports", rule("/admin/roster/imports", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/roster/imports/{id}",
                    rule(f -> "/admin/roster/imports/" + f.rosterImport(), DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/roster/imports/{id}/progress",
                    rule(f -> "/admin/roster/imports/" + f.rosterImport() + "/progress", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/roster/imports/{id}/report.csv",
                    rule(f -> "/admin/roster/imports/" + f.rosterImport() + "/report.csv", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /admin/roster/export", rule("/admin/roster/export", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /api/v1/admin/roster/imports", rule("/api/v1/admin/roster/imports", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /api/v1/admin/roster/imports", rule("/api/v1/admin/roster/imports", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /api/v1/admin/roster/imports/{id}",
                    rule(f -> "/api/v1/admin/roster/imports/" + f.rosterImport(), DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /api/v1/admin/roster/imports/{id}/report.csv",
                    rule(f -> "/api/v1/admin/roster/imports/" + f.rosterImport() + "/report.csv", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /api/v1/admin/roster/export", rule("/api/v1/admin/roster/export", DISTRICT_ADMIN_ONLY)),
            // Evaluation: appraisers rate assigned teachers of their campus; teachers see what was shared with them;
            // coaches and HR see nothing of it.
            Map.entry("GET /evaluation", rule("/evaluation", SIGNED_IN)),
            Map.entry(
                    "POST /evaluation/goal-plan",
                    rule("/evaluation/goal-plan", EnumSet.of(Who.TEACHER, Who.OTHER_CAMPUS_TEACHER))),
            Map.entry(
                    "GET /evaluation/caseload",
                    rule(
                            "/evaluation/caseload",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /evaluation/campuses/{id}",
                    rule(
                            f -> "/evaluation/campuses/" + f.firstCampus(),
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry("GET /evaluation/district", rule("/evaluation/district", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /evaluation/teachers/{id}",
                    rule(
                            f -> "/evaluation/teachers/" + f.firstCampusTeacher(),
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "POST /evaluation/observations",
                    rule(
                            "/evaluation/observations",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN))),
            Map.entry(
                    "GET /evaluation/observations/{id}",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation(),
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /evaluation/observations/{id}/pdf",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/pdf",
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "POST /evaluation/observations/{id}/pre-conference",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/pre-conference",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /evaluation/observations/{id}/notes",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/notes",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /evaluation/observations/{id}/draft",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/draft",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /evaluation/observations/{id}/ratings",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/ratings",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /evaluation/observations/{id}/post-conference",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/post-conference",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /evaluation/observations/{id}/share",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/share",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /evaluation/observations/{id}/acknowledgement",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/acknowledgement",
                            EnumSet.of(Who.TEACHER))),
            Map.entry(
                    "POST /evaluation/observations/{id}/amendment",
                    rule(
                            f -> "/evaluation/observations/" + f.firstCampusObservation() + "/amendment",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "GET /evaluation/teachers/{id}/summative",
                    rule(
                            f -> "/evaluation/teachers/" + f.firstCampusTeacher() + "/summative",
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /evaluation/teachers/{id}/summative/pdf",
                    rule(
                            f -> "/evaluation/teachers/" + f.firstCampusTeacher() + "/summative/pdf",
                            SUMMATIVE_DRAFT_READERS)),
            Map.entry(
                    "POST /evaluation/teachers/{id}/summative",
                    rule(
                            f -> "/evaluation/teachers/" + f.firstCampusTeacher() + "/summative",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN))),
            Map.entry(
                    "POST /evaluation/teachers/{id}/summative/inputs",
                    rule(
                            f -> "/evaluation/teachers/" + f.firstCampusTeacher() + "/summative/inputs",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN))),
            Map.entry(
                    "POST /evaluation/teachers/{id}/summative/finalize",
                    rule(
                            f -> "/evaluation/teachers/" + f.firstCampusTeacher() + "/summative/finalize",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN))),
            Map.entry("GET /evaluation/rubrics", rule("/evaluation/rubrics", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /evaluation/rubrics", rule("/evaluation/rubrics", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /evaluation/rubrics/{id}", rule(f -> "/evaluation/rubrics/" + f.currentRubric(), SIGNED_IN)),
            Map.entry(
                    "GET /evaluation/assignments",
                    rule("/evaluation/assignments", EnumSet.of(Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN))),
            Map.entry(
                    "POST /evaluation/assignments",
                    rule("/evaluation/assignments", EnumSet.of(Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN))),
            Map.entry(
                    "GET /evaluation/calibration",
                    rule(
                            "/evaluation/calibration",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry("GET /api/v1/evaluation/rubrics", rule("/api/v1/evaluation/rubrics", SIGNED_IN)),
            Map.entry(
                    "GET /api/v1/evaluation/rubrics/{id}",
                    rule(f -> "/api/v1/evaluation/rubrics/" + f.currentRubric(), SIGNED_IN)),
            Map.entry(
                    "GET /api/v1/evaluation/school-years/{id}/rubric",
                    rule(f -> "/api/v1/evaluation/school-years/" + f.currentSchoolYear() + "/rubric", SIGNED_IN)),
            Map.entry(
                    "POST /api/v1/evaluation/school-years/{id}/rubric",
                    rule(
                            f -> "/api/v1/evaluation/school-years/" + f.currentSchoolYear() + "/rubric",
                            DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /api/v1/evaluation/school-years/{id}/summatives",
                    rule(
                            f -> "/api/v1/evaluation/school-years/" + f.currentSchoolYear() + "/summatives",
                            DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /api/v1/evaluation/school-years/{id}/ed-fi",
                    rule(
                            f -> "/api/v1/evaluation/school-years/" + f.currentSchoolYear() + "/ed-fi",
                            DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /api/v1/evaluation/observations",
                    rule(
                            "/api/v1/evaluation/observations",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN))),
            Map.entry(
                    "GET /api/v1/evaluation/observations/{id}",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation(),
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /api/v1/evaluation/observations/{id}/notes",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/notes",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "POST /api/v1/evaluation/observations/{id}/notes",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/notes",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "PUT /api/v1/evaluation/observations/{id}/draft",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/draft",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /api/v1/evaluation/observations/{id}/pre-conference",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/pre-conference",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "PUT /api/v1/evaluation/observations/{id}/ratings",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/ratings",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /api/v1/evaluation/observations/{id}/post-conference",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/post-conference",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /api/v1/evaluation/observations/{id}/share",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/share",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "POST /api/v1/evaluation/observations/{id}/acknowledgement",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/acknowledgement",
                            EnumSet.of(Who.TEACHER))),
            Map.entry(
                    "POST /api/v1/evaluation/observations/{id}/amendment",
                    rule(
                            f -> "/api/v1/evaluation/observations/" + f.firstCampusObservation() + "/amendment",
                            EnumSet.of(Who.APPRAISER))),
            Map.entry(
                    "GET /api/v1/evaluation/teachers/{id}/observations",
                    rule(
                            f -> "/api/v1/evaluation/teachers/" + f.firstCampusTeacher() + "/observations",
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /api/v1/evaluation/teachers/{id}/summative",
                    rule(
                            f -> "/api/v1/evaluation/teachers/" + f.firstCampusTeacher() + "/summative",
                            SUMMATIVE_DRAFT_READERS)),
            Map.entry(
                    "POST /api/v1/evaluation/teachers/{id}/summative",
                    rule(
                            f -> "/api/v1/evaluation/teachers/" + f.firstCampusTeacher() + "/summative",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN))),
            Map.entry(
                    "PUT /api/v1/evaluation/teachers/{id}/summative/inputs",
                    rule(
                            f -> "/api/v1/evaluation/teachers/" + f.firstCampusTeacher() + "/summative/inputs",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN))),
            Map.entry(
                    "POST /api/v1/evaluation/teachers/{id}/summative/finalize",
                    rule(
                            f -> "/api/v1/evaluation/teachers/" + f.firstCampusTeacher() + "/summative/finalize",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN))),
            Map.entry(
                    "GET /api/v1/evaluation/goal-plan",
                    rule("/api/v1/evaluation/goal-plan", EnumSet.of(Who.TEACHER, Who.OTHER_CAMPUS_TEACHER))),
            Map.entry(
                    "PUT /api/v1/evaluation/goal-plan",
                    rule("/api/v1/evaluation/goal-plan", EnumSet.of(Who.TEACHER, Who.OTHER_CAMPUS_TEACHER))),
            Map.entry(
                    "GET /api/v1/evaluation/caseload",
                    rule(
                            "/api/v1/evaluation/caseload",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /api/v1/evaluation/campuses/{id}/distribution",
                    rule(
                            f -> "/api/v1/evaluation/campuses/" + f.firstCampus() + "/distribution",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            Map.entry("GET /api/v1/evaluation/district", rule("/api/v1/evaluation/district", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /api/v1/evaluation/calibration",
                    rule(
                            "/api/v1/evaluation/calibration",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.OTHER_CAMPUS_ADMIN, Who.DISTRICT_ADMIN))),
            // Growth: a teacher sees their own measures and students; campus leaders their campus; HR measures only.
            Map.entry("GET /growth", rule("/growth", SIGNED_IN)),
            Map.entry("GET /growth/measures.csv", rule("/growth/measures.csv", HR_EDITORS)),
            Map.entry(
                    "GET /growth/campuses/{id}",
                    rule(
                            f -> "/growth/campuses/" + f.firstCampus(),
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.HR, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /growth/campuses/{id}/measures.csv",
                    rule(
                            f -> "/growth/campuses/" + f.firstCampus() + "/measures.csv",
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.HR, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /growth/teachers/{id}",
                    rule(
                            f -> "/growth/teachers/" + f.firstCampusTeacher(),
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.HR, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /growth/teachers/{id}/measures.csv",
                    rule(
                            f -> "/growth/teachers/" + f.firstCampusTeacher() + "/measures.csv",
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.HR, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /growth/teachers/{id}/students.csv",
                    rule(f -> "/growth/teachers/" + f.firstCampusTeacher() + "/students.csv", SEE_FIRST_CAMPUS_CLASS)),
            Map.entry(
                    "GET /growth/students/{id}",
                    rule(f -> "/growth/students/" + f.firstCampusStudent(), SEE_FIRST_CAMPUS_CLASS)),
            Map.entry(
                    "GET /growth/students/{id}/scores.csv",
                    rule(f -> "/growth/students/" + f.firstCampusStudent() + "/scores.csv", SEE_FIRST_CAMPUS_CLASS)),
            Map.entry("GET /admin/growth", rule("/admin/growth", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /admin/growth/imports", rule("/admin/growth/imports", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/growth/imports/{id}",
                    rule(f -> "/admin/growth/imports/" + f.growthImport(), DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/growth/imports/{id}/report.csv",
                    rule(f -> "/admin/growth/imports/" + f.growthImport() + "/report.csv", DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /admin/growth/runs", rule("/admin/growth/runs", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/growth/runs/{id}",
                    rule(f -> "/admin/growth/runs/" + f.growthRun(), DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/growth/runs/{id}/progress",
                    rule(f -> "/admin/growth/runs/" + f.growthRun() + "/progress", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/growth/runs/{id}/percentiles.csv",
                    rule(f -> "/admin/growth/runs/" + f.growthRun() + "/percentiles.csv", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /admin/growth/runs/{id}/cohorts.csv",
                    rule(f -> "/admin/growth/runs/" + f.growthRun() + "/cohorts.csv", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "POST /api/v1/admin/growth/assessment-imports",
                    rule("/api/v1/admin/growth/assessment-imports", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /api/v1/admin/growth/assessment-imports/{id}",
                    rule(f -> "/api/v1/admin/growth/assessment-imports/" + f.growthImport(), DISTRICT_ADMIN_ONLY)),
            Map.entry("POST /api/v1/admin/growth/runs", rule("/api/v1/admin/growth/runs", DISTRICT_ADMIN_ONLY)),
            Map.entry(
                    "GET /api/v1/admin/growth/runs/{id}",
                    rule(f -> "/api/v1/admin/growth/runs/" + f.growthRun(), DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /api/v1/growth/network", rule("/api/v1/growth/network", HR_EDITORS)),
            Map.entry(
                    "GET /api/v1/growth/campuses/{id}",
                    rule(
                            f -> "/api/v1/growth/campuses/" + f.firstCampus(),
                            EnumSet.of(Who.APPRAISER, Who.CAMPUS_ADMIN, Who.HR, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /api/v1/growth/teachers/{id}",
                    rule(
                            f -> "/api/v1/growth/teachers/" + f.firstCampusTeacher(),
                            EnumSet.of(Who.TEACHER, Who.APPRAISER, Who.CAMPUS_ADMIN, Who.HR, Who.DISTRICT_ADMIN))),
            Map.entry(
                    "GET /api/v1/growth/students/{id}",
                    rule(f -> "/api/v1/growth/students/" + f.firstCampusStudent(), SEE_FIRST_CAMPUS_CLASS)),
            // Audit
            Map.entry("GET /audit", rule("/audit", DISTRICT_ADMIN_ONLY)),
            Map.entry("GET /api/v1/audit", rule("/api/v1/audit", DISTRICT_ADMIN_ONLY)));

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Policies policies;

    @Autowired
    Rubrics rubrics;

    @Autowired
    SummativeRatings summatives;

    @Autowired
    DemoScores demoScores;

    @Autowired
    GrowthRuns growthRuns;

    Fixture fixture;
    final Map<Who, MockHttpSession> sessions = new EnumMap<>(Who.class);

    @BeforeAll
    void signInEveryRole() throws Exception {
        long teacher = staffIdOf(DemoAccounts.TEACHER);
        long currentSchoolYear = jdbc.sql("select id from organization.school_year where is_current")
                .query(Long.class)
                .single();
        long firstCampus = jdbc.sql("""
                        select ra.campus_id from organization.role_assignment ra
                        join organization.school_year y on y.id = ra.school_year_id and y.is_current
                        where ra.staff_id = ? and ra.role = 'TEACHER'
                        """).param(teacher).query(Long.class).single();
        long rubric = rubrics.inForce(currentSchoolYear).id();
        demoScores.generate(2026);
        long growthRun = growthRuns.runNow(null, currentSchoolYear).id();
        fixture = new Fixture(
                firstCampus,
                teacher,
                jdbc.sql("select min(class_id) from organization.teacher_of_record where staff_id = ?")
                        .param(teacher)
                        .query(Long.class)
                        .single(),
                currentSchoolYear,
                // An account of its own, so that allowed deactivations touch nobody another test relies on.
                jdbc.sql("insert into identity.account (email, display_name) values (?, 'Access Matrix') returning id")
                        .param("access-matrix-" + System.nanoTime() + "@cadre.test")
                        .query(Long.class)
                        .single(),
                jdbc.sql("""
                                insert into identity.api_token (account_id, name, prefix, token_hash, expires_at)
                                select id, 'access matrix', 'cadre_xxxxxx', ?, now() + interval '1 day'
                                from identity.account where lower(email) = lower(?) returning id
                                """)
                        .params("matrix-" + System.nanoTime(), DemoAccounts.TEACHER)
                        .query(Long.class)
                        .single(),
                policies.draft(null, currentSchoolYear, Policies.defaultText(), "access matrix")
                        .id(),
                jdbc.sql("""
                                insert into organization.roster_import (started_by, package_name, preview, status)
                                values ('access matrix', 'fixture', true, 'PREVIEWED') returning id
                                """).query(Long.class).single(),
                rubric,
                // A shared observation of the first campus's teacher by the first campus's appraiser.
                jdbc.sql("""
                                insert into evaluation.observation (school_year_id, campus_id, teacher_staff_id,
                                    appraiser_staff_id, rubric_id, policy_version_id, kind, announced, scheduled_for,
                                    planned_minutes, status, shared_at, feedback_due_on, feedback_late)
                                values (?, ?, ?, ?, ?, ?, 'INFORMAL', true, now() - interval '1 day', 20, 'SHARED', now(),
                                    current_date + 14, false)
                                returning id
                                """)
                        .params(
                                currentSchoolYear,
                                firstCampus,
                                teacher,
                                staffIdOf(DemoAccounts.APPRAISER),
                                rubric,
                                policies.inForce(currentSchoolYear).id())
                        .query(Long.class)
                        .single(),
                jdbc.sql("""
                                insert into growth.assessment_import (started_by, file_name, status)
                                values ('access matrix', 'fixture.csv', 'REJECTED') returning id
                                """).query(Long.class).single(),
                growthRun,
                jdbc.sql("select min(student_id) from growth.teacher_student where run_id = ? and staff_id = ?")
                        .params(growthRun, teacher)
                        .query(Long.class)
                        .single());
        var appraiser = jdbc.sql("select id, staff_id from identity.account where lower(email) = lower(?)")
                .param(DemoAccounts.APPRAISER)
                .query((rs, n) -> new CurrentUser(
                        rs.getLong("id"),
                        rs.getLong("staff_id"),
                        DemoAccounts.APPRAISER,
                        "Appraiser",
                        Set.of(new Grant(AccessRole.APPRAISER, firstCampus))))
                .single();
        summatives.compute(appraiser, teacher);
        for (var who : Who.values()) {
            if (who.email == null) {
                continue;
            }
            var result = mvc.perform(formLogin("/sign-in")
                            .userParameter("email")
                            .user(who.email)
                            .password(DemoAccounts.PASSWORD))
                    .andReturn();
            assertThat(result.getResponse().getRedirectedUrl())
                    .as("sign-in of %s", who)
                    .doesNotContain("error");
            sessions.put(who, (MockHttpSession) result.getRequest().getSession(false));
        }
    }

    @Test
    void everyRouteOfTheApplicationHasARule() {
        var routes = routesOfTheApplication();
        var withoutRule = new TreeSet<>(routes);
        withoutRule.removeAll(RULES.keySet());
        var ruleWithoutRoute = new TreeSet<>(RULES.keySet());
        ruleWithoutRoute.removeAll(routes);
        assertThat(withoutRule)
                .as("routes without an access rule in AccessMatrixTest.RULES")
                .isEmpty();
        assertThat(ruleWithoutRoute).as("rules for routes that no longer exist").isEmpty();
    }

    @Test
    void everyRoleGetsExactlyWhatItsRuleAllows() throws Exception {
        var violations = new ArrayList<String>();
        for (var entry : new java.util.TreeMap<>(RULES).entrySet()) {
            var rule = entry.getValue();
            if (rule.allowed() == NOT_CHECKED) {
                continue;
            }
            var method = HttpMethod.valueOf(
                    entry.getKey().substring(0, entry.getKey().indexOf(' ')));
            var url = rule.url().apply(fixture);
            for (var who : Who.values()) {
                boolean allowed = isAllowed(method, url, rule.body(), who);
                boolean expected = rule.allowed().contains(who);
                if (allowed != expected) {
                    violations.add(entry.getKey() + " (" + url + ") as " + who + ": "
                            + (allowed ? "allowed but should be refused" : "refused but should be allowed"));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private boolean isAllowed(HttpMethod method, String url, String body, Who who) throws Exception {
        var request = request(method, url).with(csrf());
        if (who != Who.ANONYMOUS) {
            request.session(sessions.get(who));
        }
        if (method != HttpMethod.GET && url.startsWith("/api/")) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        var location = response.getRedirectedUrl();
        boolean toSignIn = status / 100 == 3 && location != null && location.contains("/sign-in");
        return !(toSignIn || status == 401 || status == 403 || status == 404);
    }

    private Set<String> routesOfTheApplication() {
        var routes = new TreeSet<String>();
        for (var mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (var info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                List<String> verbs = methods.isEmpty()
                        ? List.of("GET", "POST", "PUT", "DELETE", "PATCH")
                        : methods.stream().map(Enum::name).toList();
                for (var pattern : info.getPatternValues()) {
                    for (var verb : verbs) {
                        routes.add(verb + " " + pattern);
                    }
                }
            }
        }
        return routes;
    }

    private long staffIdOf(String email) {
        return jdbc.sql("select staff_id from identity.account where lower(email) = lower(?)")
                .param(email)
                .query(Long.class)
                .single();
    }
}
