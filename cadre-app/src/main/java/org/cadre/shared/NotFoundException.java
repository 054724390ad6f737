package org.cadre.shared;

/** Something asked for by id does not exist — or exists where the asker may not look, which reads the same. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
