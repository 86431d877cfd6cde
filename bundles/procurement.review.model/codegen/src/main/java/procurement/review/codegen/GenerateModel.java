package procurement.review.codegen;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Generates the model and edit code from {@code model/review.genmodel}, the way the IDE's "Generate Model Code" and
 * "Generate Edit Code" do, but on a plain class path.
 * <p>
 * The committed genmodel holds the generator settings; this program reconciles it with the current .ecore (new
 * classes and features get their gen elements, the settings are kept, exactly as EMF's model importer reloads a
 * model), saves it back, and generates. The only argument is the {@code bundles} folder.
 */
public final class GenerateModel {

	private GenerateModel() {
	}

	public static void main(String[] args) throws IOException {
		File bundles = new File(args.length > 0 ? args[0] : "bundles").getCanonicalFile();
		File modelDir = new File(bundles, "procurement.review.model/model");

		Map<String, URI> platform = EcorePlugin.getPlatformResourceMap();
		for (String project : List.of("procurement.review.model", "procurement.review.model.edit")) {
			platform.put(project, URI.createFileURI(new File(bundles, project).getPath() + "/"));
		}

		ResourceSet resourceSet = new ResourceSetImpl();
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
		resourceSet.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
		resourceSet.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);

		URI genModelUri = URI.createPlatformResourceURI("procurement.review.model/model/review.genmodel", true);
		URI ecoreUri = URI.createPlatformResourceURI("procurement.review.model/model/review.ecore", true);
		if (!new File(modelDir, "review.genmodel").isFile()) {
			throw new IOException("No genmodel in " + modelDir);
		}
		GenModel settings = (GenModel) resourceSet.getResource(genModelUri, true).getContents().get(0);
		EPackage ePackage = (EPackage) resourceSet.getResource(ecoreUri, true).getContents().get(0);

		// A fresh genmodel from the .ecore, then the committed settings reconciled into it: this is what EMF's
		// importer does on "Reload", and it keeps the genmodel complete without hand-editing gen elements.
		GenModel genModel = GenModelFactory.eINSTANCE.createGenModel();
		Resource genModelResource = resourceSet.createResource(genModelUri.trimSegments(1).appendSegment("reconciled.genmodel"));
		genModelResource.getContents().add(genModel);
		genModel.initialize(List.of(ePackage));
		genModel.getForeignModel().addAll(settings.getForeignModel());
		genModel.reconcile(settings);
		Resource committed = settings.eResource();
		committed.getContents().set(0, genModel);
		genModel.reconcile();
		genModel.setCanGenerate(true);

		IStatus valid = genModel.validate();
		if (valid.getSeverity() == IStatus.ERROR) {
			throw new IllegalStateException("Invalid genmodel: " + valid);
		}
		genModel.eResource().save(Map.of());

		// Inside Eclipse an extension registers the generator adapters; on a plain class path we do it.
		GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
				GenModelGeneratorAdapterFactory.DESCRIPTOR);
		Generator generator = new Generator();
		generator.setInput(genModel);
		for (String type : List.of(GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE, GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE)) {
			Diagnostic result = generator.generate(genModel, type, new BasicMonitor.Printing(System.out));
			if (result.getSeverity() == Diagnostic.ERROR) {
				throw new IllegalStateException("Generation failed: " + result);
			}
		}
	}
}
