package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import procurement.review.cli.Cli;
import procurement.review.cli.spi.CliCommand;

/**
 * The store's commands reach the command line as the product finds them: as {@link CliCommand} services that SCR
 * registers from the bundle's component descriptors (a descriptor SCR cannot read registers nothing, and the
 * command line would silently run its own command instead of the shared review's).
 */
class CommandServicesTest {

	@Test
	void everyDescriptorRegistersItsCommandAndTheCommandLineRoutesTheDbForms() throws InvalidSyntaxException {
		Bundle bundle = FrameworkUtil.getBundle(ReviewStore.class);
		assertNotNull(bundle, "runs inside OSGi");
		BundleContext context = bundle.getBundleContext();
		assertNotNull(context, "the store bundle is started");
		List<ServiceReference<CliCommand>> references = new ArrayList<>(
				context.getServiceReferences(CliCommand.class, null));
		List<CliCommand> commands = new ArrayList<>();
		try {
			for (ServiceReference<CliCommand> reference : references) {
				if (reference.getBundle().equals(bundle)) {
					commands.add(context.getService(reference));
				}
			}
			TreeSet<String> names = new TreeSet<>();
			commands.forEach(c -> names.add(c.name()));
			List<String> descriptors = Collections.list(bundle.findEntries("OSGI-INF", "*.xml", false)).stream()
					.map(u -> u.getPath().replaceAll(".*/|-command\\.xml$", "")).sorted().toList();
			assertEquals(descriptors, List.copyOf(names), "one command per descriptor in OSGI-INF");
			assertEquals(List.of("db", "decide", "info", "member", "order", "review", "share", "tag"),
					List.copyOf(names));

			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8), commands);
			assertEquals(0, cli.run(new String[] { "--help" }));
			String help = out.toString(StandardCharsets.UTF_8);
			for (String form : List.of("info --db", "tag --db", "review --db")) {
				assertTrue(help.contains("With --db: " + form), form + " in\n" + help);
			}
			// "info" with --db goes to the store's command: its own error, not the file form's usage line
			int code = cli.run(new String[] { "info", "--db", "not-a-jdbc-url", "--review", "1", "--json" });
			String said = err.toString(StandardCharsets.UTF_8);
			assertEquals(2, code, said);
			assertTrue(!said.contains("usage: info [--verify-signatures] REVIEW"), said);
		} finally {
			for (ServiceReference<CliCommand> reference : references) {
				if (reference.getBundle().equals(bundle)) {
					context.ungetService(reference);
				}
			}
		}
	}
}
