package org.cadre.identity;

import org.cadre.audit.AuditTrail;
import org.cadre.organization.StaffMembers;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * District administrators managing sign-in accounts: opening one, resetting a password, deactivating and
 * reactivating. Every change is checked against the version the administrator saw and recorded in the audit
 * trail, without the password hash.
 */
@Service
public class AccountAdministration {

    static final String AUDIT_TYPE = "account";

    private final Accounts accounts;
    private final StaffMembers staff;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    AccountAdministration(Accounts accounts, StaffMembers staff, PasswordEncoder passwords, AuditTrail audit) {
        this.accounts = accounts;
        this.staff = staff;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Accounts whose email or name contains {@code text}, a page at a time. */
    public PageResponse<Account> search(CurrentUser user, String text, PageRequest page) {
        requireAdministrator(user);
        return accounts.search(text, page);
    }

    /** One account; unknown ids read as not found. */
    public Account get(CurrentUser user, long id) {
        requireAdministrator(user);
        return accounts.byId(id).orElseThrow(() -> new NotFoundException("Account", id));
    }

    /**
     * Opens an account. It belongs to the staff member named by {@code staffEmail}, or else to the staff member
     * with the account's own email, if there is one; a staff member has at most one account.
     */
    @Transactional
    public Account open(CurrentUser user, NewAccount request) {
        requireAdministrator(user);
        if (request.password() != null) {
            PasswordPolicy.check("password", request.password());
        }
        if (accounts.byEmail(request.email()).isPresent()) {
            throw new ConflictException("An account with the email " + request.email() + " already exists");
        }
        Long staffId = request.staffEmail() != null
                ? staff.idByEmail(request.staffEmail())
                        .orElseThrow(() -> new InvalidInputException(
                                "staffEmail", "no active staff member has the email " + request.staffEmail()))
                : staff.idByEmail(request.email()).orElse(null);
        if (staffId != null) {
            accounts.byStaff(staffId).ifPresent(other -> {
                throw new ConflictException("That staff member already has the account " + other.email());
            });
        }
        var hash = request.password() == null ? null : passwords.encode(request.password());
        long id;
        try {
            id = accounts.insert(request.email(), request.displayName(), hash, staffId, false);
        } catch (DuplicateKeyException e) {
            // Someone opened the same email between our check and the insert.
            throw new ConflictException("An account with the email " + request.email() + " already exists");
        }
        var account = accounts.byId(id).orElseThrow();
        audit.created(AUDIT_TYPE, id, null, "Account " + account.email() + " opened", account.auditState());
        return account;
    }

    /** Sets a new password, which also lifts a lock from failed sign-ins. */
    @Transactional
    public Account resetPassword(CurrentUser user, long id, PasswordReset reset) {
        var before = get(user, id);
        PasswordPolicy.check("password", reset.password());
        var after = before.withPassword(passwords.encode(reset.password()));
        return save(before, after, reset.version(), "Password of " + before.email() + " reset");
    }

    /** Closes the account for sign-in and API tokens. Administrators cannot close their own. */
    @Transactional
    public Account deactivate(CurrentUser user, long id, int version) {
        var before = get(user, id);
        if (before.id() == user.accountId()) {
            throw new ConflictException("You cannot deactivate your own account");
        }
        return save(before, before.deactivated(), version, "Account " + before.email() + " deactivated");
    }

    /** Opens a deactivated account again. */
    @Transactional
    public Account reactivate(CurrentUser user, long id, int version) {
        var before = get(user, id);
        return save(before, before.reactivated(), version, "Account " + before.email() + " reactivated");
    }

    private Account save(Account before, Account after, Integer expectedVersion, String summary) {
        if (expectedVersion == null) {
            throw new InvalidInputException("version", "is required");
        }
        accounts.update(after, expectedVersion);
        var saved = accounts.byId(before.id()).orElseThrow();
        audit.changed(AUDIT_TYPE, before.id(), null, summary, before.auditState(), saved.auditState());
        return saved;
    }

    private static void requireAdministrator(CurrentUser user) {
        if (!user.isDistrictAdmin()) {
            throw new ForbiddenException("Only district administrators manage accounts");
        }
    }
}
