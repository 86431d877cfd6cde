package procurement.review.screening;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code cluster start|stop}: a Spark standalone master and two workers on this machine, started from the project's
 * own Spark jars (no Spark download), every one of them on 127.0.0.1. For trying cluster mode and for the tests.
 * <p>
 * A worker starts each executor from {@code $SPARK_HOME/jars}, so the cluster gets a SPARK_HOME of its own whose
 * {@code jars/} links the class path's jars: Spark's and the third-party libraries; the application's own jars reach
 * the executors the way they reach any cluster, shipped by the driver. The daemons get this JVM's module flags. What
 * runs is recorded in {@code cluster.properties} of the cluster folder, so {@code stop} ends exactly those processes.
 */
public final class LocalCluster {

	/** The usage line. */
	public static final String USAGE = "cluster start|stop";

	private static final int WORKERS = 2;
	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
	private static final Pattern ALIVE_WORKER = Pattern.compile("\"state\"\\s*:\\s*\"ALIVE\"");

	private final Path folder;

	/**
	 * @param folder where the cluster keeps its SPARK_HOME, logs, work folders and state
	 */
	public LocalCluster(Path folder) {
		this.folder = folder.toAbsolutePath();
	}

	/** The command behind {@code cluster start|stop}, in the folder {@code spark-cluster} of the user's state. */
	static void command(List<String> args, PrintStream out, PrintStream err) throws BadInputException, IOException {
		String home = System.getProperty("procurement.review.home",
				System.getProperty("user.home") + File.separator + ".procurement-review");
		LocalCluster cluster = new LocalCluster(Path.of(home, "spark-cluster"));
		if (args.size() != 1) {
			throw new BadInputException("usage: " + USAGE);
		}
		switch (args.get(0)) {
		case "start" -> out.println(cluster.start(err));
		case "stop" -> err.println(cluster.stop() ? "cluster: stopped" : "cluster: not running");
		default -> throw new BadInputException("usage: " + USAGE);
		}
	}

	/**
	 * Starts the master and the workers, unless they run already, and waits until every worker has registered.
	 *
	 * @param err where to tell what starts
	 * @return the master's URL, {@code spark://127.0.0.1:PORT}
	 * @throws IOException when a process cannot be started or the cluster is not up in time (its logs named)
	 */
	public String start(PrintStream err) throws IOException {
		Optional<Properties> running = running();
		if (running.isPresent()) {
			err.println("cluster: already running");
			return running.get().getProperty("url");
		}
		stop();
		Files.createDirectories(folder);
		Path sparkHome = sparkHome();
		int port = freePort(7077);
		int uiPort = freePort(8080);
		String url = "spark://127.0.0.1:" + port;
		Properties state = new Properties();
		state.setProperty("url", url);
		List<Process> started = new ArrayList<>();
		try {
			started.add(launch(sparkHome, "master", List.of("org.apache.spark.deploy.master.Master", "--host",
					"127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(uiPort))));
			for (int i = 1; i <= WORKERS; i++) {
				Path work = Files.createDirectories(folder.resolve("work-" + i));
				started.add(launch(sparkHome, "worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
						"--host", "127.0.0.1", "--cores", "1", "--memory", "1536m", "--webui-port",
						String.valueOf(freePort(8081)), "--work-dir", work.toString(), url)));
			}
			for (int i = 0; i < started.size(); i++) {
				state.setProperty("pid." + i, String.valueOf(started.get(i).pid()));
			}
			try (OutputStream stream = Files.newOutputStream(folder.resolve("cluster.properties"))) {
				state.store(stream, "the processes of ./procurement-review cluster start");
			}
			awaitWorkers(uiPort, started);
		} catch (IOException | RuntimeException e) {
			stop();
			throw e;
		}
		err.println("cluster: master and " + WORKERS + " workers on 127.0.0.1, logs in " + folder);
		return url;
	}

	/**
	 * Stops the processes {@link #start} recorded, with the executors the workers started.
	 *
	 * @return whether anything was running
	 * @throws IOException when the state cannot be read
	 */
	public boolean stop() throws IOException {
		Path file = folder.resolve("cluster.properties");
		if (!Files.exists(file)) {
			return false;
		}
		Properties state = load(file);
		boolean any = false;
		for (String name : state.stringPropertyNames()) {
			if (!name.startsWith("pid.")) {
				continue;
			}
			Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(state.getProperty(name)));
			if (process.isPresent() && process.get().isAlive()) {
				any = true;
				process.get().descendants().forEach(ProcessHandle::destroy);
				process.get().destroy();
				try {
					process.get().onExit().get(20, TimeUnit.SECONDS);
				} catch (ExecutionException | TimeoutException e) {
					process.get().destroyForcibly();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					process.get().destroyForcibly();
				}
			}
		}
		Files.delete(file);
		return any;
	}

	/** @return the state of a cluster whose processes all still run */
	private Optional<Properties> running() throws IOException {
		Path file = folder.resolve("cluster.properties");
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties state = load(file);
		for (String name : state.stringPropertyNames()) {
			if (name.startsWith("pid.")
					&& !ProcessHandle.of(Long.parseLong(state.getProperty(name))).map(ProcessHandle::isAlive)
							.orElse(false)) {
				return Optional.empty();
			}
		}
		return Optional.of(state);
	}

	/**
	 * A SPARK_HOME whose jars/ links every jar of this JVM's class path but the application's own (procurement.review
	 * jars): Spark's closure and the libraries, as a cluster has them installed.
	 */
	private Path sparkHome() throws IOException {
		Path home = folder.resolve("spark-home");
		Path jars = home.resolve("jars");
		if (Files.isDirectory(jars)) {
			try (Stream<Path> old = Files.list(jars)) {
				for (Path link : old.toList()) {
					Files.delete(link);
				}
			}
		}
		Files.createDirectories(jars);
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path jar = Path.of(entry).toAbsolutePath();
			String name = jar.getFileName().toString();
			if (name.endsWith(".jar") && !name.startsWith("procurement.review.") && Files.isRegularFile(jar)
					&& !Files.exists(jars.resolve(name))) {
				Files.createSymbolicLink(jars.resolve(name), jar);
			}
		}
		return home;
	}

	private Process launch(Path sparkHome, String name, List<String> mainAndArgs) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx512m");
		for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			if (flag.startsWith("--add-opens") || flag.startsWith("--enable-native-access")
					|| flag.startsWith("-Dio.netty.")) {
				command.add(flag);
			}
		}
		command.add("-cp");
		command.add(sparkHome.resolve("jars") + File.separator + "*");
		command.addAll(mainAndArgs);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(folder.resolve(name + ".log").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
		builder.environment().put("SPARK_HOME", sparkHome.toString());
		builder.environment().put("SPARK_SCALA_VERSION", "2.13");
		builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
		builder.environment().put("SPARK_NO_DAEMONIZE", "1");
		Process process = builder.start();
		process.getOutputStream().close();
		return process;
	}

	/** Waits until the master's status page lists every worker alive. */
	private void awaitWorkers(int uiPort, List<Process> started) throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/"))
				.timeout(Duration.ofSeconds(5)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			for (Process process : started) {
				if (!process.isAlive()) {
					throw new IOException("a cluster process ended at its start; see the logs in " + folder);
				}
			}
			try {
				String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
				Matcher alive = ALIVE_WORKER.matcher(body);
				int count = 0;
				while (alive.find()) {
					count++;
				}
				if (count >= WORKERS) {
					return;
				}
			} catch (IOException e) {
				// not listening yet
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while the cluster started", e);
			}
			try {
				Thread.sleep(500);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while the cluster started", e);
			}
		}
		throw new IOException("the cluster did not come up in " + START_TIMEOUT.toSeconds() + " s; see the logs in "
				+ folder);
	}

	/** The preferred port when it is free on 127.0.0.1, else any free one. */
	private static int freePort(int preferred) throws IOException {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		for (int port : new int[] { preferred, 0 }) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(false);
				socket.bind(new InetSocketAddress(loopback, port));
				return socket.getLocalPort();
			} catch (IOException e) {
				if (port == 0) {
					throw e;
				}
			}
		}
		throw new IOException("no free port on 127.0.0.1");
	}

	private static Properties load(Path file) throws IOException {
		Properties state = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			state.load(in);
		}
		return state;
	}
}
