package procurement.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import procurement.review.cli.spi.CliCommand;

/**
 * Commands of other bundles ({@code bench} in the product): found as OSGi services, listed by {@code --help} after
 * the command line's own, and run with the same exit codes and one-line errors.
 */
class ContributedCommandTest {

	private record Run(int code, String out, String err) {
	}

	/** A command that echoes its arguments, or fails as they ask. */
	private static CliCommand echo(String name) {
		return new CliCommand() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public String usage() {
				return name + " [WORD...]";
			}

			@Override
			public String summary() {
				return "print the words";
			}

			@Override
			public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
				if (args.length == 1 && args[0].equals("--io")) {
					throw new IOException("cannot write /nowhere");
				}
				out.println(String.join(" ", args));
				return args.length == 0 ? BAD_INPUT : OK;
			}
		};
	}

	private static Run run(Collection<CliCommand> contributed, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), contributed).run(args);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void aContributedCommandIsListedAfterTheOwnOnesAndRuns() {
		List<CliCommand> contributed = List.of(echo("echo"), echo("info"));
		List<String> commands = run(contributed, "--help").out().lines().filter(l -> l.startsWith("  "))
				.map(l -> l.strip().split(" ")[0]).toList();
		assertEquals(List.of("import", "match", "tag", "review", "info", "echo"), commands,
				"a contribution named like an own command is left out");

		Run echo = run(contributed, "echo", "a", "b");
		assertEquals(new Run(0, "a b\n", ""), echo);
		assertEquals(2, run(contributed, "echo").code(), "the command's own exit code");
		Run failed = run(contributed, "echo", "--io");
		assertEquals(Cli.BAD_INPUT, failed.code());
		assertEquals("procurement-review echo: cannot write /nowhere\n", failed.err());
		assertTrue(run(List.of(), "echo").err().contains("unknown command 'echo'"), "without the contribution");
	}

	@Test
	void aContributionNamedLikeAnOwnCommandRunsThatCommandsDatabaseFormOnly() {
		List<CliCommand> contributed = List.of(echo("info"));
		assertEquals(new Run(0, "--db jdbc:postgresql://db/reviews --review 7\n", ""), run(contributed, "info", "--db",
				"jdbc:postgresql://db/reviews", "--review", "7"));
		Run own = run(contributed, "info");
		assertEquals(Cli.BAD_INPUT, own.code());
		assertEquals("procurement-review info: usage: info [--verify-signatures] REVIEW\n", own.err(),
				"without --db the command line's own info runs");
		assertTrue(run(contributed, "--help").out().contains("\nWith --db: info [WORD...]\n"));
	}

	@Test
	void theApplicationFindsTheCommandServicesOfOtherBundles() {
		Bundle bundle = FrameworkUtil.getBundle(Cli.class);
		assertNotNull(bundle, "runs inside OSGi");
		ServiceRegistration<CliCommand> registration = bundle.getBundleContext().registerService(CliCommand.class,
				echo("echo"), null);
		try (ContributedCommands contributed = ContributedCommands.of(CliApplication.class)) {
			assertEquals(List.of("echo"), contributed.commands().stream().map(CliCommand::name).toList());
			assertEquals("x y\n", run(contributed.commands(), "echo", "x", "y").out());
		} finally {
			registration.unregister();
		}
		try (ContributedCommands contributed = ContributedCommands.of(CliApplication.class)) {
			assertEquals(List.of(), contributed.commands());
		}
		try (ContributedCommands outside = new ContributedCommands(null)) {
			assertEquals(List.of(), outside.commands(), "outside OSGi there are none");
		}
		assertTrue(Arrays.asList(run(List.of(), "--help").out().split("\n")).stream().noneMatch(l -> l
				.startsWith("  bench")), "the command line's bundle has no bench of its own");
	}
}
