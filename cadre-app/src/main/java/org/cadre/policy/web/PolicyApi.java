package org.cadre.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.cadre.policy.Policies;
import org.cadre.policy.PolicyVersion;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** School-year policies through the REST API: everyone may read the policy in force; district administrators write. */
@RestController
@Tag(name = "Policy", description = "The school year's policy: versioned, validated, immutable once adopted")
class PolicyApi {

    private final Policies policies;

    PolicyApi(Policies policies) {
        this.policies = policies;
    }

    @GetMapping("/api/v1/policy")
    @Operation(summary = "The policy in force for the current school year")
    PolicyVersion current() {
        return policies.inForceThisYear().orElseThrow(() -> new NotFoundException("Current school year", "policy"));
    }

    @GetMapping("/api/v1/school-years/{schoolYearId}/policy")
    @Operation(summary = "The policy in force for a school year")
    PolicyVersion inForce(@PathVariable long schoolYearId) {
        return policies.inForce(schoolYearId);
    }

    @GetMapping("/api/v1/admin/policies")
    @Operation(summary = "Every version of a school year's policy, newest first")
    List<PolicyVersion> versions(@RequestParam long schoolYearId) {
        return policies.versions(schoolYearId);
    }

    @GetMapping("/api/v1/admin/policies/{id}")
    @Operation(summary = "One policy version")
    PolicyVersion version(@PathVariable long id) {
        return policies.version(id);
    }

    @PostMapping(
            path = "/api/v1/admin/policies",
            consumes = {
                "application/yaml",
                "application/x-yaml",
                "text/yaml",
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.TEXT_PLAIN_VALUE
            })
    @Operation(
            summary =
                    "Validate a policy document (YAML or JSON body) and keep it as a draft; 400 lists every error with its path")
    ResponseEntity<PolicyVersion> draft(
            @RequestParam long schoolYearId,
            @RequestParam(required = false) String note,
            @RequestBody String document) {
        var created = policies.draft(CurrentUsers.require(), schoolYearId, document, note);
        return ResponseEntity.created(URI.create("/api/v1/admin/policies/" + created.id()))
                .body(created);
    }

    @PostMapping("/api/v1/admin/policies/{id}/adopt")
    @Operation(summary = "Put a draft in force; 409 if it is already adopted or a newer version was adopted")
    PolicyVersion adopt(@PathVariable long id) {
        return policies.adopt(CurrentUsers.require(), id);
    }
}
