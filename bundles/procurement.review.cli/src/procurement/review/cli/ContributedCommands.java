package procurement.review.cli;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import procurement.review.cli.spi.CliCommand;

/**
 * The {@link CliCommand} services of other bundles, got for one run of the command line and released after it.
 * Outside OSGi there are none.
 */
final class ContributedCommands implements AutoCloseable {

	private final BundleContext context;
	private final List<ServiceReference<CliCommand>> references = new ArrayList<>();
	private final List<CliCommand> commands = new ArrayList<>();

	ContributedCommands(BundleContext context) {
		this.context = context;
		if (context == null) {
			return;
		}
		try {
			for (ServiceReference<CliCommand> reference : context.getServiceReferences(CliCommand.class, null)) {
				CliCommand command = context.getService(reference);
				if (command != null) {
					references.add(reference);
					commands.add(command);
				}
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException("no filter was given", e);
		}
	}

	/**
	 * @param type a class of the bundle that asks
	 * @return the commands registered now, as that bundle sees them
	 */
	static ContributedCommands of(Class<?> type) {
		Bundle bundle = FrameworkUtil.getBundle(type);
		return new ContributedCommands(bundle == null ? null : bundle.getBundleContext());
	}

	/** @return the commands, in no particular order */
	List<CliCommand> commands() {
		return List.copyOf(commands);
	}

	@Override
	public void close() {
		for (ServiceReference<CliCommand> reference : references) {
			context.ungetService(reference);
		}
		references.clear();
		commands.clear();
	}
}
