package org.cadre.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.cadre.identity.AccountAdministration;
import org.cadre.identity.AccountVersion;
import org.cadre.identity.NewAccount;
import org.cadre.identity.PasswordReset;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account administration through the REST API, for district administrators. */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Accounts", description = "Sign-in accounts (district administrators)")
class AccountsApi {

    private final AccountAdministration administration;
    private final Clock clock;

    AccountsApi(AccountAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Accounts whose email or name contains q (paged)")
    PageResponse<AccountView> accounts(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var now = clock.instant();
        return administration
                .search(CurrentUsers.require(), q, new PageRequest(page, size))
                .map(account -> AccountView.of(account, now));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account")
    AccountView account(@PathVariable long id) {
        return view(administration.get(CurrentUsers.require(), id));
    }

    @PostMapping
    @Operation(summary = "Open an account; without a password it signs in through an identity provider only")
    ResponseEntity<AccountView> open(@Valid @RequestBody NewAccount request) {
        var account = administration.open(CurrentUsers.require(), request);
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + account.id()))
                .body(view(account));
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a new password (which also lifts a lock); 409 if the version is stale")
    AccountView resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset reset) {
        return view(administration.resetPassword(CurrentUsers.require(), id, reset));
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Close the account for sign-in and API tokens; 409 if the version is stale")
    AccountView deactivate(@PathVariable long id, @Valid @RequestBody AccountVersion version) {
        return view(administration.deactivate(CurrentUsers.require(), id, version.version()));
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Open a deactivated account again; 409 if the version is stale")
    AccountView reactivate(@PathVariable long id, @Valid @RequestBody AccountVersion version) {
        return view(administration.reactivate(CurrentUsers.require(), id, version.version()));
    }

    private AccountView view(org.cadre.identity.Account account) {
        return AccountView.of(account, clock.instant());
    }
}
