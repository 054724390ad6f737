package org.cadre.shared;

/** The change collides with the current state: a stale version, a duplicate, an illegal transition. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
