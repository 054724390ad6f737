package org.cadre.shared;

/** The signed-in person may see the thing but not do what they asked with it. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
