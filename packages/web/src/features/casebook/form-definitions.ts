// The eCRF definitions of core's form library, looked up by the form key the server sends.
import { findFormDefinition, formItems, type FormDefinition, type FormItem } from '@celltrial/core';

/** The definition of a form key, or undefined when the library has none (the form is then shown read-only). */
export function formDefinitionOf(formKey: string): FormDefinition | undefined {
  return findFormDefinition(formKey);
}

/** Every item of a definition in display order. */
export function definitionItems(definition: FormDefinition): readonly FormItem[] {
  return formItems(definition);
}

/** The label of an item of a form (the item id when unknown). */
export function itemLabelOf(formKey: string, itemId: string): string {
  const definition = formDefinitionOf(formKey);
  const item =
    definition === undefined ? undefined : definitionItems(definition).find((i) => i.id === itemId);
  return item?.label ?? itemId;
}

/** The name of a form (the key when unknown). */
export function formNameOf(formKey: string): string {
  return formDefinitionOf(formKey)?.name ?? formKey;
}
