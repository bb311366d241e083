/**
 * Custom Elements Manifest analyzer config. Reads the widgets' JSDoc headers (@summary @slot
 * @event @csspart @cssproperty) and Lit reactive properties into custom-elements.json
 * (generated, git-ignored), which Storybook's controls and editors' IDEs read.
 */

/**
 * The analyzer's Lit support (0.11) turns every entry of `static properties` into an
 * attribute, even internal state (`state: true`) and properties declared with
 * `attribute: false`. Those are not part of the embed contract, so take them back out here,
 * before inheritance copies them into subclasses.
 */
function litInternalStatePlugin() {
  /** @param {import('typescript').Node | undefined} node */
  const unwrap = (ts, node) => {
    while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression?.(node) || ts.isParenthesizedExpression(node))) {
      node = node.expression;
    }
    return node;
  };
  const isNotAttribute = (ts, options) =>
    options.properties.some((p) => {
      if (!ts.isPropertyAssignment(p)) return false;
      const key = p.name.getText();
      const kind = p.initializer.kind;
      return (
        (key === 'state' && kind === ts.SyntaxKind.TrueKeyword) ||
        (key === 'attribute' && kind === ts.SyntaxKind.FalseKeyword)
      );
    });

  return {
    name: 'medverka-lit-internal-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration) return;
      for (const member of node.members) {
        const isStatic = ts.getModifiers?.(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const properties = unwrap(ts, member.initializer);
        if (!properties || !ts.isObjectLiteralExpression(properties)) continue;
        for (const property of properties.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const options = unwrap(ts, property.initializer);
          if (!options || !ts.isObjectLiteralExpression(options) || !isNotAttribute(ts, options)) continue;
          const name = property.name.getText();
          declaration.attributes = declaration.attributes?.filter((a) => a.fieldName !== name);
          const field = declaration.members?.find((m) => m.name === name);
          if (field) {
            delete field.attribute;
            delete field.reflects;
          }
        }
      }
    },
  };
}

/**
 * Private members (`private` and `#`) are no one's business outside the class: leave them
 * out of the manifest, so neither Storybook nor an IDE offers them.
 */
function dropPrivateMembersPlugin() {
  return {
    name: 'medverka-drop-private-members',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
        }
      }
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/locales/**', 'widgets/**/*.test.ts', 'widgets/**/*.spec.ts'],
  outdir: '.',
  litelement: true,
  plugins: [litInternalStatePlugin(), dropPrivateMembersPlugin()],
};
