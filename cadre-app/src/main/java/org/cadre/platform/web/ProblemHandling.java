package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.cadre.shared.ConflictException;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where domain exceptions become responses: RFC 9457 problem details for the REST API, a
 * friendly page with the same message for people in a browser. Never a stack trace.
 */
// Before Spring Boot's own problem-details handler, so field errors reach API clients.
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling {

    private final PageShell shell;

    ProblemHandling(PageShell shell) {
        this.shell = shell;
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request, response, null);
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), request, response, e.fieldErrors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalidBody(MethodArgumentNotValidException e, HttpServletRequest request, HttpServletResponse response) {
        var fields = new java.util.LinkedHashMap<String, String>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getField() + ": " + error.getDefaultMessage());
        }
        return respond(
                HttpStatus.BAD_REQUEST, "Invalid input", String.join("; ", fields.values()), request, response, fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        var detail = e.getName() + ": '" + e.getValue() + "' is not a valid value";
        return respond(HttpStatus.BAD_REQUEST, "Invalid input", detail, request, response, Map.of(e.getName(), detail));
    }

    @ExceptionHandler({ConflictException.class, OptimisticLockingFailureException.class})
    Object conflict(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.CONFLICT, "Conflict", e.getMessage(), request, response, null);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    Object forbidden(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        var detail = e instanceof ForbiddenException ? e.getMessage() : "You do not have access to this";
        return respond(HttpStatus.FORBIDDEN, "Forbidden", detail, request, response, null);
    }

    private Object respond(
            HttpStatus status,
            String title,
            String detail,
            HttpServletRequest request,
            HttpServletResponse response,
            Map<String, String> fields) {
        if (isApi(request)) {
            var problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            if (fields != null) {
                problem.setProperty("errors", fields);
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(status.value());
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        // Interceptors do not see views chosen by exception handlers.
        shell.addTo(page, request);
        return page;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
