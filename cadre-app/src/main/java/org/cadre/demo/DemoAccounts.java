package org.cadre.demo;

import java.util.List;
import org.cadre.shared.AccessRole;

/**
 * The sign-in accounts every generated demo network has, whatever its size or seed, so that people trying
 * Cadre and tests of other capabilities can sign in as each role. All share {@link #PASSWORD}.
 */
public final class DemoAccounts {

    /** The password of every demo account. */
    public static final String PASSWORD = "cadre-demo";

    /** The source id of the first campus (an elementary school) of every demo network. */
    public static final String FIRST_CAMPUS = "campus-0001";

    /** The source id of the second campus (a middle school) of every demo network. */
    public static final String SECOND_CAMPUS = "campus-0002";

    public static final String DISTRICT_ADMIN = "district.admin@cadre.demo";
    public static final String HR = "hr@cadre.demo";
    public static final String PRINCIPAL = "principal@cadre.demo";
    public static final String APPRAISER = "appraiser@cadre.demo";
    public static final String COACH = "coach@cadre.demo";
    public static final String ASSESSOR = "assessor@cadre.demo";
    public static final String TEACHER = "teacher@cadre.demo";
    public static final String PRINCIPAL_2 = "principal2@cadre.demo";
    public static final String TEACHER_2 = "teacher2@cadre.demo";

    /**
     * One demo account: who it is and the one role it holds in every school year of the network.
     *
     * @param campusSourceId the campus of the role, null for a network-wide role
     */
    public record DemoAccount(
            String email, String givenName, String familyName, AccessRole role, String campusSourceId) {

        public String displayName() {
            return givenName + " " + familyName;
        }
    }

    /** Every demo account, in a fixed order. */
    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount(DISTRICT_ADMIN, "Rosa", "Delgado", AccessRole.DISTRICT_ADMIN, null),
            new DemoAccount(HR, "Marcus", "Bell", AccessRole.HR, null),
            new DemoAccount(PRINCIPAL, "Angela", "Torres", AccessRole.CAMPUS_ADMIN, FIRST_CAMPUS),
            new DemoAccount(APPRAISER, "Kevin", "Nguyen", AccessRole.APPRAISER, FIRST_CAMPUS),
            new DemoAccount(COACH, "Priya", "Raman", AccessRole.COACH, FIRST_CAMPUS),
            new DemoAccount(ASSESSOR, "Laura", "Kim", AccessRole.ASSESSOR, FIRST_CAMPUS),
            new DemoAccount(TEACHER, "Emily", "Carter", AccessRole.TEACHER, FIRST_CAMPUS),
            new DemoAccount(PRINCIPAL_2, "James", "Okafor", AccessRole.CAMPUS_ADMIN, SECOND_CAMPUS),
            new DemoAccount(TEACHER_2, "Sofia", "Ramirez", AccessRole.TEACHER, SECOND_CAMPUS));

    /** The demo account with this email. */
    public static DemoAccount byEmail(String email) {
        return ALL.stream()
                .filter(account -> account.email().equalsIgnoreCase(email))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo account " + email));
    }

    private DemoAccounts() {}
}
