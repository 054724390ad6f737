package org.cadre.organization.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

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

    /** Copies the file's records to a COPY that keeps what it is sent; returns the rows and the rejections. */
    private static List<String> copied(String file, int[] source, List<String> rejected) throws Exception {
        var sent = new ByteArrayOutputStream();
        var copy = mock(CopyIn.class);
        doAnswer(call -> {
                    sent.write(call.<byte[]>getArgument(0), call.<Integer>getArgument(1), call.<Integer>getArgument(2));
                    return null;
                })
                .when(copy)
                .writeToCopy(any(byte[].class), anyInt(), anyInt());
        try (var csv = CsvCopy.open(bytes(file))) {
            csv.copy(copy, source, (line, column, value, reason) -> rejected.add(line + " " + column), n -> {});
        }
        return List.of(sent.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void valuesArriveAsCopyTextRowsWithTheirLineWhereverTheReadBufferEnds() throws Exception {
        var file = new StringBuilder("sourcedId,note,name,other\n");
        for (int i = 0; i < 5000; i++) {
            file.append("e").append(i).append(",a\\b\tc,Zoë \"Z\",\n");
        }
        file.append("last,\"two\r\nlines\",,x\n");
        var rejected = new ArrayList<String>();

        var rows = copied(file.toString(), new int[] {0, 1, 2, -1, 3}, rejected);

        assertThat(file.length()).isGreaterThan(65536 + 32768);
        assertThat(rejected).isEmpty();
        assertThat(rows).hasSize(5001);
        assertThat(rows.get(0)).isEqualTo("2\te0\ta\\\\b\\tc\tZoë \"Z\"\t\\N\t\\N");
        assertThat(rows.get(4999)).isEqualTo("5001\te4999\ta\\\\b\\tc\tZoë \"Z\"\t\\N\t\\N");
        assertThat(rows.get(5000)).isEqualTo("5002\tlast\ttwo\\r\\nlines\t\\N\t\\N\tx");
    }

    @Test
    void aRecordWithANulCharacterIsRejectedNamingItsColumnAndTheNextIsCopied() throws Exception {
        var rejected = new ArrayList<String>();

        var rows = copied("sourcedId,note\ne1,plain\ne2,nul\0here\ne3,ok\n", new int[] {0, 1}, rejected);

        assertThat(rejected).containsExactly("3 note");
        assertThat(rows).containsExactly("2\te1\tplain", "4\te3\tok");
    }

    @Test
    void anUnquotedRecordLongerThanTheLimitStopsTheFile() {
        var file = "sourcedId,note\ne1," + "x".repeat(200) + "\n";

        assertThatThrownBy(() -> {
                    try (var csv = CsvCopy.open(bytes(file), 64)) {
                        csv.copy(mock(CopyIn.class), new int[] {0, 1}, (l, c, v, r) -> {}, n -> {});
                    }
                })
                .isInstanceOfSatisfying(CsvFile.Unreadable.class, e -> {
                    assertThat(e.line).isEqualTo(2L);
                    assertThat(e.getMessage()).contains("longer than 64 bytes");
                });
    }
}
