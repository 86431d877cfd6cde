package procurement.review.core;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcoreFactory;
import org.eclipse.emf.ecore.impl.EFactoryImpl;

/** Objects that make a save fail half-way through the file, as a full disk or a crash would. */
final class FailingObjects {

	private FailingObjects() {
	}

	/** An object of a throwaway package whose one attribute cannot be turned into text: serialisation fails. */
	static EObject failingObject(Supplier<Throwable> failure) {
		EPackage pack = EcoreFactory.eINSTANCE.createEPackage();
		pack.setName("failing");
		pack.setNsURI("urn:test:save-failure");
		pack.setNsPrefix("failing");
		pack.setEFactoryInstance(new EFactoryImpl() {
			@Override
			public String convertToString(EDataType eDataType, Object instanceValue) {
				Throwable t = failure.get();
				if (t instanceof Error error) {
					throw error;
				}
				throw (RuntimeException) t;
			}
		});
		EDataType type = EcoreFactory.eINSTANCE.createEDataType();
		type.setName("Failing");
		type.setInstanceClass(Object.class);
		EClass eClass = EcoreFactory.eINSTANCE.createEClass();
		eClass.setName("Blob");
		EAttribute attribute = EcoreFactory.eINSTANCE.createEAttribute();
		attribute.setName("value");
		attribute.setEType(type);
		eClass.getEStructuralFeatures().add(attribute);
		pack.getEClassifiers().addAll(List.of(type, eClass));
		EObject blob = pack.getEFactoryInstance().create(eClass);
		blob.eSet(attribute, new Object());
		return blob;
	}
}
