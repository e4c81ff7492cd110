/** The five method views of a board (issue 4); no React here, so the router can import it lightly. */
export const METHOD_VIEWS = ['krachtenveld', 'krachten', 'drieB', 'netwerk', 'typologie'] as const;
export type MethodView = (typeof METHOD_VIEWS)[number];

export const isMethodView = (v: string): v is MethodView => (METHOD_VIEWS as readonly string[]).includes(v);
