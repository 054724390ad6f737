package org.cadre.shared;

import java.util.List;

/** Implemented by a capability that puts links in the main navigation. */
public interface NavigationContributor {

    List<NavigationEntry> navigation();
}
