package org.cadre.audit.web;

import java.time.LocalDate;
import org.cadre.audit.AuditAction;
import org.cadre.audit.AuditEntries;
import org.cadre.audit.AuditQuery;
import org.cadre.shared.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for district administrators (the security configuration admits no one else). */
@Controller
class AuditPages {

    private final AuditEntries entries;

    AuditPages(AuditEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/audit")
    String audit(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var query = new AuditQuery(type, entity, actor, action, from, to);
        model.addAttribute("query", query);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("results", entries.find(query, new PageRequest(page, 50)));
        return htmx != null ? "audit/audit :: results" : "audit/audit";
    }
}
