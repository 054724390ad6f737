package org.cadre.organization.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Splitting a package file into records without holding more of it than one record. */
class CsvCopyTest {

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aQuoteThatIsNeverClosedStopsTheFileInsteadOfFillingMemory() {
        var file = "\"sourcedId,status\n" + "e1,active\n".repeat(100);

        assertThatThrownBy(() -> CsvCopy.open(bytes(file), 64)).isInstanceOfSatisfying(CsvFile.Unreadable.class, e -> {
            assertThat(e.line).isEqualTo(1L);
            assertThat(e.getMessage()).contains("longer than 64 bytes").contains("never closed");
        });
    }

    @Test
    void aHeaderWithQuotesAndAByteOrderMarkIsReadByName() throws Exception {
        try (var csv = CsvCopy.open(bytes("\uFEFF\"sourcedId\",\"na\"\"me\"\r\nx,y\r\n"))) {
            assertThat(csv.header()).containsExactly("sourcedId", "na\"me");
        }
    }
}
