package org.cadre;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every test that needs the whole application: one Spring context for the whole suite, on the one
 * embedded PostgreSQL of the test JVM, with the {@code small} demo network loaded. Do not add
 * {@code @MockitoBean}s or extra properties in subclasses: each variation starts another context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class CadreIntegrationTest {}
