package org.cadre.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.cadre.identity.ApiToken;
import org.cadre.identity.ApiTokens;
import org.cadre.identity.NewApiToken;
import org.cadre.shared.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller of the REST API: who they are, and their personal API tokens. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in person and their personal API tokens")
class MeApi {

    private final ApiTokens tokens;

    MeApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "Who the caller is: account, staff record and this year's roles")
    Me me() {
        return Me.of(CurrentUsers.require());
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's API tokens, newest first (never their secrets)")
    List<ApiToken> tokens() {
        return tokens.of(CurrentUsers.require().accountId());
    }

    @PostMapping("/tokens")
    @Operation(summary = "Create an API token; the response carries the secret, which is never shown again")
    ResponseEntity<ApiToken.Issued> issue(@Valid @RequestBody NewApiToken request) {
        var issued = tokens.issue(CurrentUsers.require(), request.name(), request.days());
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of the caller's API tokens; someone else's reads as not found")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(CurrentUsers.require(), id);
        return ResponseEntity.noContent().build();
    }
}
