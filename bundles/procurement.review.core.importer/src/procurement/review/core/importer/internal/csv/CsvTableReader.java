package procurement.review.core.importer.internal.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import procurement.review.core.importer.ImportProblem;
import procurement.review.core.importer.Severity;
import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.ProgressStream;

/**
 * Reads a delimited text file. The single sheet is named after the file. Empty fields become {@code null}, like
 * blank spreadsheet cells, so the caller treats both formats alike.
 */
public final class CsvTableReader implements TableReader {

    private static final int PROBE = 1 << 16;
    private static final int MAX_WIDTH_WARNINGS = 100;

    private final Path file;
    private final long size;
    private final Charset charset;
    private final int bom;
    private final char delimiter;

    public CsvTableReader(Path file) throws IOException {
        this.file = file;
        this.size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE);
        }
        this.bom = CsvSniffer.bomLength(head);
        this.charset = bom == 2 ? CsvSniffer.charset(head, true) : CsvSniffer.charset(head, head.length == size);
        int start = bom;
        int len = head.length - bom;
        this.delimiter = CsvSniffer.delimiter(new String(head, start, len, charset));
    }

    /** @return the detected delimiter, for diagnostics and tests */
    public char delimiter() {
        return delimiter;
    }

    /** @return the detected charset, for diagnostics and tests */
    public Charset charset() {
        return charset;
    }

    @Override
    public TableFormat format() {
        return TableFormat.CSV;
    }

    @Override
    public long totalWork() {
        return size;
    }

    @Override
    public void read(TableHandler handler, LongConsumer progress) throws IOException {
        String sheet = String.valueOf(file.getFileName());
        ProgressStream counted = new ProgressStream(Files.newInputStream(file), progress);
        InputStream in = new BufferedInputStream(counted, 1 << 16);
        in.skipNBytes(bom);
        LenientUtf8Reader lenient = null;
        Reader text;
        if (charset.equals(StandardCharsets.UTF_8)) {
            lenient = new LenientUtf8Reader(in, bom);
            text = lenient;
        } else {
            text = new InputStreamReader(in, charset);
            if (charset.equals(CsvSniffer.WINDOWS_1252)) {
                handler.problem(new ImportProblem(Severity.INFO, null, 0, -1,
                        file.getFileName() + " is not UTF-8 text; it was read as Windows-1252."));
            }
        }
        handler.startSheet(sheet);
        long rowNumber = 0;
        boolean reportedFallback = false;
        int width = -1;
        int widthWarnings = 0;
        try (CsvReader<String[]> csv = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .detectBomHeader(false)
                .build(new NullForEmptyHandler(), text)) {
            for (String[] cells : csv) {
                rowNumber++;
                if (width < 0) {
                    width = cells.length;
                } else if (cells.length != width && widthWarnings++ < MAX_WIDTH_WARNINGS) {
                    handler.problem(new ImportProblem(Severity.WARNING, null, rowNumber, -1,
                            "Row has " + cells.length + " fields, the first row has " + width + "."));
                }
                if (lenient != null && !reportedFallback && lenient.fallbackBytes() > 0) {
                    // The parser reads ahead, so the row is not known exactly; the byte offset is.
                    reportedFallback = true;
                    handler.problem(new ImportProblem(Severity.WARNING, null, 0, -1, "Bytes that are not valid"
                            + " UTF-8 were read as Windows-1252, the first at byte offset "
                            + lenient.firstFallbackOffset() + " (around record " + rowNumber + ")."));
                }
                if (!handler.row(rowNumber, cells)) {
                    break;
                }
            }
        } catch (CsvParseException e) {
            throw new TableFormatException(TableFormatException.Reason.MALFORMED,
                    file.getFileName() + ": cannot read the CSV after record " + rowNumber + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            counted.flush();
            handler.endSheet();
        }
    }

    @Override
    public void close() {
        // Streams are opened and closed within read().
    }

    /** Builds {@code String[]} records directly, skipping FastCSV's list wrapper; empty fields are null. */
    private static final class NullForEmptyHandler extends AbstractBaseCsvCallbackHandler<String[]> {

        private String[] fields = new String[32];
        private int count;

        @Override
        protected void handleBegin(long startingLineNumber) {
            count = 0;
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
            if (count == fields.length) {
                fields = java.util.Arrays.copyOf(fields, count * 2);
            }
            fields[count++] = len == 0 ? null : new String(buf, offset, len);
        }

        @Override
        protected String[] buildRecord() {
            return java.util.Arrays.copyOf(fields, count);
        }
    }
}
