package org.cadre.organization;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cadre.audit.AuditTrail;
import org.cadre.shared.AccessRole;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Corrects staff members' HR details, audited, refusing edits made against a stale version. */
@Service
public class StaffRecords {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;

    StaffRecords(JdbcClient jdbc, Directory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    /** Whether the person may correct staff HR details at all. */
    public static boolean mayEdit(CurrentUser user) {
        return user.hasAny(AccessRole.DISTRICT_ADMIN, AccessRole.HR);
    }

    @Transactional
    public StaffProfile correct(CurrentUser user, long staffId, StaffChange change) {
        var before = directory.profile(user, staffId);
        if (!mayEdit(user)) {
            throw new ForbiddenException("Only HR and district administrators may change staff details");
        }
        int rows;
        try {
            rows = jdbc.sql("""
                            update organization.staff
                            set employee_id = ?, email = ?, pay_band = ?, hire_date = ?, version = version + 1
                            where id = ? and version = ?
                            """)
                    .params(
                            blankToNull(change.employeeId()),
                            change.email().strip(),
                            blankToNull(change.payBand()),
                            change.hireDate(),
                            staffId,
                            change.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another staff member already has that employee id or email");
        }
        if (rows == 0) {
            if (before == null) {
                throw new NotFoundException("Staff member", staffId);
            }
            throw new ConflictException("Someone else changed " + before.name()
                    + " while you were editing; reload the page to see their change, then make yours again");
        }
        var after = directory.profile(user, staffId);
        audit.changed(
                "staff",
                staffId,
                null,
                "Staff details of " + after.name() + " changed",
                hrState(before),
                hrState(after));
        return after;
    }

    private static Map<String, Object> hrState(StaffProfile p) {
        var state = new LinkedHashMap<String, Object>();
        state.put("employeeId", p.employeeId());
        state.put("email", p.email());
        state.put("payBand", p.payBand());
        state.put("hireDate", p.hireDate() == null ? null : p.hireDate().toString());
        state.put("version", p.version());
        return state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
