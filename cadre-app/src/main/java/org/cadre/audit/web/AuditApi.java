package org.cadre.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.cadre.audit.AuditAction;
import org.cadre.audit.AuditEntries;
import org.cadre.audit.AuditEntry;
import org.cadre.audit.AuditQuery;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail through the REST API, for district administrators. */
@RestController
@Tag(name = "Audit", description = "The append-only record of changes")
class AuditApi {

    private final AuditEntries entries;

    AuditApi(AuditEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit entries, newest first, filtered and paged")
    PageResponse<AuditEntry> audit(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return entries.find(new AuditQuery(type, entity, actor, action, from, to), new PageRequest(page, size));
    }
}
