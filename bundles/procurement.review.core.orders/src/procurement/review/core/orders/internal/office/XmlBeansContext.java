package procurement.review.core.orders.internal.office;

import java.io.IOException;

import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;

/**
 * Runs POI's OOXML code with the OOXML schemas' class loader as the thread's context class loader.
 * <p>
 * XmlBeans resolves built-in schema types (xml:space on every Word text run) through the context class loader.
 * Inside OSGi a worker thread's context loader sees neither XmlBeans' metadata nor the OOXML schemas, and the first
 * DOCX written on such a thread fails with "Cannot resolve type for handle ...". The schemas' bundle sees its own
 * metadata and, as it requires XmlBeans, XmlBeans' built-in schemas; on a plain class path this changes nothing.
 */
final class XmlBeansContext {

	@FunctionalInterface
	interface Write {
		void run() throws IOException;
	}

	private XmlBeansContext() {
	}

	static void run(Write write) throws IOException {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(CTText.class.getClassLoader());
		try {
			write.run();
		} finally {
			thread.setContextClassLoader(previous);
		}
	}
}
