import type { Request, Response } from 'express';

/** A detail route's answer: JSON, or the object as YAML when the client asks for it (the console's download). */
export async function sendJsonOrYaml(
  req: Request,
  res: Response,
  detail: () => Promise<unknown>,
  yaml: () => Promise<string>,
): Promise<void> {
  if (req.accepts(['application/json', 'application/yaml']) === 'application/yaml') {
    res.type('application/yaml').send(await yaml());
    return;
  }
  res.json(await detail());
}
