package procurement.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewer's key signs the audit chain: with a PKCS#12 keystore made by the JDK's own keytool, every entry the
 * command line writes is signed, and {@code info --verify-signatures} checks each signature against the certificate
 * stored with it, names the signer, and fails (exit 2) on a signature that does not match or on entries written
 * after the last signed one.
 */
class SignedReviewTest {

	@TempDir
	Path dir;

	private Path keystore;

	private record Run(int code, String out, String err) {
	}

	private static Run cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void makeKey() throws Exception {
		keystore = dir.resolve("jane.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", keystore.toString(),
				"-storetype", "PKCS12", "-storepass", "correct horse", "-alias", "jane", "-keyalg", "EC", "-groupname",
				"secp256r1", "-dname", "CN=Jane Roe, O=Office of Inspector General", "-validity", "365")
				.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), output);
		System.setProperty("procurement.review.keystore", keystore.toString());
		System.setProperty("procurement.review.keystore.password", "correct horse");
	}

	@AfterEach
	void forgetKey() {
		System.clearProperty("procurement.review.keystore");
		System.clearProperty("procurement.review.keystore.password");
	}

	@Test
	void everyEntryIsSignedAndChecked() throws Exception {
		Path review = dir.resolve("signed.review");
		Path csv = CliTest.SAMPLES.resolve("made-up-covered-vendor-rows.csv");
		assertEquals(0, cli("import", csv.toString(), "--review", review.toString()).code());
		assertEquals(0, cli("tag", "--review", review.toString()).code());
		Run info = cli("info", "--verify-signatures", review.toString());
		assertEquals(0, info.code(), info.out() + info.err());
		Matcher signers = Pattern.compile("Signatures:  2 of 2 entries signed, by CN=Jane Roe,O=Office of Inspector"
				+ " General \\(certificate SHA-256 [0-9a-f]{16}\\.\\.\\.\\), all valid").matcher(info.out());
		assertTrue(signers.find(), info.out());

		// A signature changed in the file: the entry's hash still fits the chain, the signature no longer fits it.
		String text = Files.readString(review, StandardCharsets.UTF_8);
		Matcher signature = Pattern.compile("signature=\"([A-Za-z0-9+/=]{20})").matcher(text);
		assertTrue(signature.find());
		String forged = text.substring(0, signature.start(1)) + flip(signature.group(1))
				+ text.substring(signature.end(1));
		Path edited = dir.resolve("forged.review");
		Files.writeString(edited, forged, StandardCharsets.UTF_8);
		Run bad = cli("info", "--verify-signatures", edited.toString());
		assertEquals(2, bad.code(), bad.out());
		assertTrue(bad.err().contains("the signature of entry 1 "), bad.err());

		// An entry written without the key: the chain is intact, but the newest state is not vouched for.
		forgetKey();
		assertEquals(0, cli("tag", "--review", review.toString()).code());
		Run unsigned = cli("info", "--verify-signatures", review.toString());
		assertEquals(2, unsigned.code(), unsigned.out());
		assertEquals("procurement-review info: signed.review: entries after 2 are not signed", unsigned.err().strip());
		assertEquals(0, cli("info", review.toString()).code(), "without the option, signatures are reported only");
	}

	@Test
	void aWrongPasswordIsOneClearLine() {
		System.setProperty("procurement.review.keystore.password", "wrong");
		Run run = cli("import", CliTest.SAMPLES.resolve("made-up-covered-vendor-rows.csv").toString(), "--review",
				dir.resolve("x.review").toString());
		assertEquals(2, run.code());
		assertTrue(run.err().strip().startsWith("procurement-review import: PROCUREMENT_REVIEW_KEYSTORE: jane.p12"),
				run.err());
		assertTrue(List.of(run.err().strip().split("\n")).size() == 1, run.err());
	}

	private static String flip(String base64) {
		char c = base64.charAt(4);
		return base64.substring(0, 4) + (c == 'A' ? 'B' : 'A') + base64.substring(5);
	}
}
