/**
 * The shared kernel: who is asking ({@link org.cadre.shared.CurrentUser} and its grants), paging and the
 * domain exceptions every capability raises. Kept tiny on purpose.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cadre.shared;
