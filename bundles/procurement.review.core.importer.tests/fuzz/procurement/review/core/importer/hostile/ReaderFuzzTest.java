package procurement.review.core.importer.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

import procurement.review.core.importer.hostile.FuzzHarness.Target;

/**
 * Coverage-guided fuzzing of the CSV, XLSX and FPDS readers with Jazzer. Each input is written as a file and read;
 * the reader must read it or throw an {@link IOException} (a {@code TableFormatException} for content), never
 * anything else, and never hang (libFuzzer's per-input timeout comes from {@link Timeout}).
 * <p>
 * Without {@code JAZZER_FUZZ} this is a regression test over the seeds in {@code ReaderFuzzTestInputs/<method>/}
 * next to this class (written by {@link SeedCorpus}; findings Jazzer saves there become regression inputs too).
 * How to run it, short and long: {@code fuzz/README.md} of this fragment.
 */
class ReaderFuzzTest {

    private static final Path SCRATCH = scratchDir();

    private static Path scratchDir() {
        try {
            Path dir = Files.createTempDirectory("reader-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void csv(byte[] data) {
        FuzzHarness.read(Target.CSV, data, SCRATCH.resolve("input.csv"));
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void xlsx(byte[] data) {
        FuzzHarness.read(Target.XLSX, data, SCRATCH.resolve("input.xlsx"));
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void fpds(byte[] data) {
        FuzzHarness.read(Target.FPDS, data, SCRATCH.resolve("input.xml"));
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void html(byte[] data) {
        FuzzHarness.read(Target.HTML, data, SCRATCH.resolve("input.xls"));
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void zip(byte[] data) {
        FuzzHarness.read(Target.ZIP, data, SCRATCH.resolve("input.zip"));
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void xmlss(byte[] data) {
        FuzzHarness.read(Target.XMLSS, data, SCRATCH.resolve("input.xls"));
    }
}
