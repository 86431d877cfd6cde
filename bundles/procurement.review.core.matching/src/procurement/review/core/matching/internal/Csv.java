package procurement.review.core.matching.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 reader: quoted fields with embedded separators, doubled quotes and line breaks; CR, LF or CRLF
 * line ends; a leading byte-order mark is skipped (spreadsheets write one). Watch lists are small, so the whole
 * input is read into memory first, which keeps the parser a plain index walk.
 */
public final class Csv {

    private Csv() {
    }

    /**
     * Reads all records.
     *
     * @param in        source, not closed
     * @param separator field separator, e.g. ',' or '\t'
     * @return records; blank lines are skipped
     * @throws IOException on read failure
     */
    public static List<List<String>> read(Reader in, char separator) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            all.append(buf, 0, n);
        }
        String s = all.toString();
        int i = s.startsWith("\uFEFF") ? 1 : 0;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (i <= s.length()) {
            if (i == s.length()) {
                row.add(field.toString());
                addRow(rows, row);
                break;
            }
            char c = s.charAt(i);
            if (c == '"' && field.isEmpty()) {
                // quoted field: read to the closing quote, "" is a literal quote
                i++;
                while (i < s.length()) {
                    char q = s.charAt(i);
                    if (q == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                continue;
            }
            if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' || c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                addRow(rows, row);
                row = new ArrayList<>();
                i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
                if (i == s.length()) {
                    break;
                }
            } else {
                field.append(c);
                i++;
            }
        }
        return rows;
    }

    private static void addRow(List<List<String>> rows, List<String> row) {
        if (!row.stream().allMatch(String::isBlank)) {
            rows.add(row);
        }
    }
}
