package procurement.review.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The Equinox application that runs one CLI command and ends with its exit code; commands of other bundles come
 * from the OSGi service registry ({@link ContributedCommands}).
 */
public class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = context.getArguments().get(IApplicationContext.APPLICATION_ARGS) instanceof String[] given
				? given : new String[0];
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		int code;
		try (ContributedCommands contributed = ContributedCommands.of(CliApplication.class)) {
			code = new Cli(System.in, out, err, contributed.commands()).run(args);
		}
		out.flush();
		err.flush();
		return Integer.valueOf(code);
	}

	@Override
	public void stop() {
		// A command runs to its end; there is nothing to interrupt.
	}
}
