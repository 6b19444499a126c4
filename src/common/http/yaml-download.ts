import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';

/** What a detail route reads: the object's detail, or the object itself as YAML. */
export interface DetailOrYaml<A> {
  detail(access: A, name: string): Promise<unknown>;
  yaml(access: A, name: string): Promise<string>;
}

/** Documents a detail route that answers JSON, or the object as YAML when asked for it. */
export function JsonOrYamlResponse(type: Type<unknown>, noun: string): MethodDecorator {
  return applyDecorators(
    ApiProduces('application/json', 'application/yaml'),
    ApiOkResponse({ type, description: `With "Accept: application/yaml", the ${noun} as YAML` }),
  );
}

/** A detail route's answer: JSON, or the object as YAML when the client asks for it (the console's download). */
export async function sendJsonOrYaml<A>(
  req: Request,
  res: Response,
  source: DetailOrYaml<A>,
  access: A,
  name: string,
): Promise<void> {
  if (req.accepts(['application/json', 'application/yaml']) === 'application/yaml') {
    res.type('application/yaml').send(await source.yaml(access, name));
    return;
  }
  res.json(await source.detail(access, name));
}
