package org.cadre.shared;

/** Implemented by every authenticated principal Cadre creates, whatever way the person signed in. */
public interface CadrePrincipal {

    CurrentUser currentUser();
}
