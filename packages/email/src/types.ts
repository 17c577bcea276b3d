/** What a template produces and the mailer sends: HTML plus its plain-text alternative. */
export type RenderedEmail = { subject: string; html: string; text: string };
