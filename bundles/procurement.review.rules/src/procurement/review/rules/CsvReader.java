package procurement.review.rules;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader that remembers where each record and cell starts, because a reviewer fixing a bad row
 * needs the line number of the file, which differs from the record number once a quoted cell spans lines.
 */
final class CsvReader {

    /**
     * One record.
     *
     * @param line      1-based line where the record starts
     * @param cells     the cell values
     * @param cellLines 1-based line where each cell starts
     */
    record Row(long line, List<String> cells, List<Long> cellLines) {
    }

    private final Reader in;
    private long line = 1;
    private int pushback = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        return in.read();
    }

    /**
     * Reads all records. An unterminated quote is reported and ends the file, since everything after it would be
     * one cell.
     *
     * @param problems where problems go
     * @return the records
     * @throws IOException on read failure
     */
    List<Row> readAll(List<RuleSets.Problem> problems) throws IOException {
        List<Row> rows = new ArrayList<>();
        int c = read();
        if (c == '\uFEFF') {
            c = read();
        }
        if (c != -1) {
            pushback = c;
        }
        while (true) {
            long rowLine = line;
            List<String> cells = new ArrayList<>();
            List<Long> cellLines = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            long cellLine = line;
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean any = false;
            while (true) {
                c = read();
                if (c == -1) {
                    if (quoted) {
                        problems.add(new RuleSets.Problem(cellLine, cells.size() + 1, "",
                                "a quoted cell is never closed"));
                    }
                    if (any || !cells.isEmpty()) {
                        cells.add(cell.toString());
                        cellLines.add(cellLine);
                        rows.add(new Row(rowLine, cells, cellLines));
                    }
                    return rows;
                }
                any = true;
                if (quoted) {
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            pushback = n;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append((char) c);
                    }
                } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cellLines.add(cellLine);
                    cell.setLength(0);
                    cellLine = line;
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            pushback = n;
                        }
                    }
                    line++;
                    cells.add(cell.toString());
                    cellLines.add(cellLine);
                    rows.add(new Row(rowLine, cells, cellLines));
                    break;
                } else {
                    cell.append((char) c);
                }
            }
        }
    }
}
